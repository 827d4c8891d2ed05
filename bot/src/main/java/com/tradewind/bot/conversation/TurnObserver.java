package com.tradewind.bot.conversation;

/**
 * Told about every turn the dialogue completes, on the thread that completed it (usually an event
 * loop): implementations must be quick and must not block — hand slow work (files, databases) to a
 * worker. A failing observer is logged and never affects the reply.
 */
@FunctionalInterface
public interface TurnObserver {

  void observed(TurnEvent event);
}
