package com.tradewind.bot.conversation;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where conversation state lives. In memory by default; a Redis-backed store replaces it in
 * cluster mode, which is why the interface is asynchronous.
 */
public interface ConversationStore {

  Future<Optional<ConversationState>> get(String conversationId);

  Future<Void> put(ConversationState state);
}
