package com.tradewind.bot.commerce;

import io.vertx.core.Future;
import java.util.Optional;

/** Finds orders and parcels. Implementations answer asynchronously and never block the caller. */
public interface CommerceLookup {

  Future<Optional<Order>> order(String id);

  Future<Optional<Tracking>> tracking(String number);
}
