package com.tradewind.bot.commerce;

import com.tradewind.bot.conversation.Asker;
import com.tradewind.connectors.commerce.Order;
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

  /** How long a parcel on its way may go without a new event before the reply flags it. */
  default Duration stalledAfter() {
    return Duration.ofDays(7);
  }
}
