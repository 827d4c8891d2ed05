/** 17TRACK Tracking API v2.2: {@code gettrackinfo}, registering numbers it does not track yet. */
package com.tradewind.connectors.seventeentrack;
