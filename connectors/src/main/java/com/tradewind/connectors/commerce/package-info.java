/**
 * Orders and parcels as every provider reports them: the normalized model ({@link
 * com.tradewind.connectors.commerce.Order}, {@link com.tradewind.connectors.commerce.Tracking}),
 * the provider interfaces and the typed failure they all raise.
 */
package com.tradewind.connectors.commerce;
