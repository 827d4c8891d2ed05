/**
 * Order and parcel lookups as the dialogue sees them: on behalf of a verified asker, through the
 * providers of the connectors module (sample, AliExpress, Shopify, 17TRACK, AfterShip).
 */
package com.tradewind.bot.commerce;
