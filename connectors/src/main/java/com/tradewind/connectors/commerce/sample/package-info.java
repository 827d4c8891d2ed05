/**
 * The bundled sample store: orders and parcels from {@code config/sample-orders.json}, with times
 * relative to now so that a new user can try order questions without an account anywhere.
 */
package com.tradewind.connectors.commerce.sample;
