package com.tradewind.bot.commerce;

import com.tradewind.bot.conversation.Asker;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Orders and parcels as the dialogue asks for them: on behalf of an {@link Asker}. An order the
 * asker may not see is reported exactly like one that does not exist. Failures of the store or
 * tracking service fail the future with a
 * {@link com.tradewind.connectors.commerce.CommerceException}; nothing blocks the caller.
 */
public interface CommerceLookup {

  Future<Optional<Order>> order(String id, Asker asker);

  Future<Optional<Tracking>> tracking(String number, Asker asker);

  /**
   * The parcel of an order the asker was shown (fetched with {@link #order} on their behalf), by
   * whichever source knows it best: the store's own logistics tracking or the tracking service.
   *
   * @param shipment one of the order's shipments, with a tracking number
   */
  default Future<Optional<Tracking>> trackingOf(Order order, Shipment shipment, Asker asker) {
    return tracking(shipment.trackingNumber(), asker);
  }

  /** How long a parcel on its way may go without a new event before the reply flags it. */
  default Duration stalledAfter() {
    return Duration.ofDays(7);
  }
}
