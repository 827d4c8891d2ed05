package com.tradewind.bot.commerce;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the bot reports it.
 *
 * @param status normalized status: awaiting_payment, awaiting_shipment, partly_shipped, shipped,
 *     delivered, in_dispute, frozen, cancelled, refunded
 * @param trackingNumber the parcel's tracking number once shipped, else null
 */
public record Order(String id, String status, BigDecimal total, String currency, Instant placedAt,
    String carrier, String trackingNumber) {}
