/** AfterShip Tracking API (version 2025-01): trackings looked up by tracking number. */
package com.tradewind.connectors.aftership;
