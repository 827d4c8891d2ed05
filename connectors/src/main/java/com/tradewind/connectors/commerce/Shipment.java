package com.tradewind.connectors.commerce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A parcel sent for an order.
 *
 * @param carrier the carrier id ({@code china-post}, {@code ups}) or the provider's name for it
 * @param service the logistics service key (AliExpress {@code CAINIAO_STANDARD}), or null
 * @param promisedBy the last day the seller promised delivery by, or null
 * @param shippedAt or null
 */
public record Shipment(String carrier, String service, String trackingNumber, LocalDate promisedBy, Instant shippedAt) {}
