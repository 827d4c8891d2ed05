package com.tradewind.connectors.commerce;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A parcel's journey.
 *
 * @param carrier the carrier id or the service's name for it
 * @param rawStatus the tracking service's own status value
 * @param estimatedDelivery or null
 * @param events oldest first
 */
public record Tracking(String number, String carrier, TrackingStatus status, String rawStatus,
    LocalDate estimatedDelivery, List<TrackingEvent> events) {

  public Tracking {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(status, "status");
    events = events == null ? List.of() : List.copyOf(events);
  }

  /** The newest event, or null. */
  public TrackingEvent latest() {
    return events.isEmpty() ? null : events.get(events.size() - 1);
  }

  /**
   * Whether a parcel still on its way has had no new scan for at least {@code quiet}: the usual
   * sign of a parcel stuck at customs or lost.
   */
  public boolean isStalled(Instant now, Duration quiet) {
    TrackingEvent last = latest();
    boolean moving = status == TrackingStatus.IN_TRANSIT || status == TrackingStatus.INFO_RECEIVED
        || status == TrackingStatus.EXCEPTION;
    return moving && last != null && Duration.between(last.time(), now).compareTo(quiet) >= 0;
  }
}
