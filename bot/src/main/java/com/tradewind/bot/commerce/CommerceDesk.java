package com.tradewind.bot.commerce;

import com.tradewind.bot.conversation.Asker;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderTracking;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingProvider;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * The dialogue's lookups: the configured providers, with {@link OrderAccess} applied. The order is
 * always fetched before access is decided, so a foreign order costs the same time as an unknown
 * one and gets the same (empty) answer.
 *
 * <p>Parcels are looked up by whoever holds the number, as on the carriers' own sites: a
 * tracking answer carries places and dates, never the buyer's name, address or phone. The parcel
 * of a known order goes to the store's own logistics tracking when there is one ({@code
 * orderTracking}, e.g. AliExpress), since the store knows its orders' parcels without a separate
 * tracking account.
 */
public final class CommerceDesk implements CommerceLookup {

  private final OrderProvider orders;
  private final TrackingProvider tracking;
  private final OrderTracking orderTracking;
  private final OrderAccess access;
  private final Duration stalledAfter;

  /** @param stalledAfter how long without a new tracking event a parcel on its way counts as stalled */
  public CommerceDesk(OrderProvider orders, TrackingProvider tracking, OrderAccess access, Duration stalledAfter) {
    this(orders, tracking, null, access, stalledAfter);
  }

  /**
   * @param orderTracking the store's tracking of its own orders' parcels, used for them instead of
   *     {@code tracking}; null to track every parcel with {@code tracking}
   */
  public CommerceDesk(OrderProvider orders, TrackingProvider tracking, OrderTracking orderTracking, OrderAccess access,
      Duration stalledAfter) {
    this.orders = orders;
    this.tracking = tracking;
    this.orderTracking = orderTracking;
    this.access = access;
    this.stalledAfter = stalledAfter;
  }

  @Override
  public Duration stalledAfter() {
    return stalledAfter;
  }

  @Override
  public Future<Optional<Order>> order(String id, Asker asker) {
    return orders.order(id).map(found -> found.filter(order -> access.maySee(asker, order)));
  }

  @Override
  public Future<Optional<Tracking>> tracking(String number, Asker asker) {
    return tracking.tracking(number);
  }

  @Override
  public Future<Optional<Tracking>> trackingOf(Order order, Shipment shipment, Asker asker) {
    if (!access.maySee(asker, order)) {
      return Future.succeededFuture(Optional.empty()); // callers pass orders they were shown; never leak one
    }
    return orderTracking == null ? tracking(shipment.trackingNumber(), asker) : orderTracking.tracking(order, shipment);
  }
}
