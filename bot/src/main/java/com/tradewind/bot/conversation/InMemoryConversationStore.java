package com.tradewind.bot.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** Conversation state in a Caffeine cache: forgotten after a period without messages. */
public final class InMemoryConversationStore implements ConversationStore {

  private final Cache<String, ConversationState> cache;

  public InMemoryConversationStore(Duration idle, long maxConversations, Ticker ticker) {
    this.cache = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxConversations).ticker(ticker).build();
  }

  public InMemoryConversationStore() {
    this(Duration.ofHours(24), 1_000_000, Ticker.systemTicker());
  }

  @Override
  public Future<Optional<ConversationState>> get(String conversationId) {
    return Future.succeededFuture(Optional.ofNullable(cache.getIfPresent(conversationId)));
  }

  @Override
  public Future<Void> put(ConversationState state) {
    cache.put(state.id(), state);
    return Future.succeededFuture();
  }
}
