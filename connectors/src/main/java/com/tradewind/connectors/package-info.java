/**
 * The outside world: chat channels (Slack, WhatsApp, web chat), order backends and parcel
 * tracking, all through the Vert.x Web Client. Capabilities land here one package per provider.
 */
package com.tradewind.connectors;
