package com.tradewind.connectors.commerce;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * A store that tracks the parcels of its own orders (AliExpress through Cainiao's logistics
 * data), so a seller can answer "where is my parcel?" without a separate tracking service. Like a
 * {@link TrackingProvider}: no information is an empty result, a store that cannot answer fails
 * the future with a {@link CommerceException}.
 */
public interface OrderTracking {

  /** Short name for logs and metrics, the store's: {@code aliexpress}. */
  String name();

  /** @param shipment one of {@code order}'s shipments, with a tracking number */
  Future<Optional<Tracking>> tracking(Order order, Shipment shipment);
}
