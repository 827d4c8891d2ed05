package com.tradewind.connectors.commerce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * An order as any store reports it. Times are instants: providers that answer in a local time
 * zone (AliExpress: US Pacific) are converted when parsing, and {@code storeZone} keeps the zone
 * for showing dates the way the store does.
 *
 * @param status the normalized status
 * @param rawStatus the provider's own value, for staff and logs
 * @param shipments oldest first, empty before shipping
 */
public record Order(String id, String store, OrderStatus status, String rawStatus, List<OrderItem> items, Money total,
    Instant placedAt, ZoneId storeZone, Buyer buyer, Address shippingAddress, List<Shipment> shipments) {

  public Order {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    items = items == null ? List.of() : List.copyOf(items);
    shipments = shipments == null ? List.of() : List.copyOf(shipments);
    buyer = buyer == null ? Buyer.UNKNOWN : buyer;
    storeZone = storeZone == null ? ZoneId.of("UTC") : storeZone;
  }

  /** The latest parcel, or null before shipping. */
  public Shipment lastShipment() {
    return shipments.isEmpty() ? null : shipments.get(shipments.size() - 1);
  }

  /** The latest parcel's tracking number, or null. */
  public String trackingNumber() {
    Shipment s = lastShipment();
    return s == null ? null : s.trackingNumber();
  }

  /** Whether the promised delivery day has passed and the order is not yet settled. */
  public boolean isLate(LocalDate today) {
    Shipment s = lastShipment();
    return s != null && s.promisedBy() != null && !status.settled() && today.isAfter(s.promisedBy());
  }
}
