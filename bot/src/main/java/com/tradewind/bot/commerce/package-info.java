/**
 * Order and parcel lookups as the dialogue sees them: small interfaces that the commerce
 * backends (AliExpress, Shopify, 17TRACK, AfterShip) will implement, and the bundled sample store.
 */
package com.tradewind.bot.commerce;
