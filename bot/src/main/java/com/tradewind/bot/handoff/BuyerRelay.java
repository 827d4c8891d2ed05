package com.tradewind.bot.handoff;

import io.vertx.core.Future;

/** Delivers words from staff (or the bot, when it takes over again) to the buyer's own channel. */
@FunctionalInterface
public interface BuyerRelay {

  Future<Void> deliver(HandoffCase handoff, String text, String from);
}
