/** Chooses and builds the order and tracking providers from environment variables, failing fast on missing secrets. */
package com.tradewind.connectors.commerce.setup;
