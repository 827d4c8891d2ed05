package com.tradewind.bot.commerce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A parcel's journey.
 *
 * @param status normalized: not_found, info_received, in_transit, out_for_delivery,
 *     available_for_pickup, delivery_failed, delivered, exception, expired
 * @param events oldest first
 */
public record Tracking(String number, String carrier, String status, LocalDate estimatedDelivery, List<Event> events) {

  /** One scan of the parcel. */
  public record Event(Instant time, String place, String description) {}

  public Event latest() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }
}
