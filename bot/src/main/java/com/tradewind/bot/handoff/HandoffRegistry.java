package com.tradewind.bot.handoff;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The open hand-off cases, by conversation and by staff thread. It outlives restarts, so a
 * conversation a person took over stays theirs after the bot restarts.
 */
public interface HandoffRegistry {

  Future<Void> put(HandoffCase handoff);

  Future<Optional<HandoffCase>> byConversation(String conversationId);

  Future<Optional<HandoffCase>> byThread(String threadId);

  /** Removes the case; completes with it, or empty when it was already gone (e.g. closed by another node). */
  Future<Optional<HandoffCase>> remove(String conversationId);

  Future<List<HandoffCase>> all();
}
