package com.tradewind.bot.conversation;

import io.vertx.core.Future;

/** What every channel talks to: one message in, the bot's understanding and reply out. */
@FunctionalInterface
public interface Dialogue {

  Future<Turn> handle(IncomingMessage message);
}
