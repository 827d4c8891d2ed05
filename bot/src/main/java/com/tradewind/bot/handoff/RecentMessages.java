package com.tradewind.bot.handoff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last few lines of each conversation, so that staff taking over see what was said. Bounded
 * per conversation and forgotten after the conversation goes idle.
 */
public final class RecentMessages {

  private final int perConversation;
  private final Cache<String, Deque<ChatLine>> lines;
  private final Cache<String, String> orders;

  public RecentMessages(int perConversation, Duration idle, long maxConversations) {
    this.perConversation = perConversation;
    this.lines = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxConversations).build();
    this.orders = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(maxConversations).build();
  }

  /** Remembers the order a conversation is about, for the staff summary. */
  public void noteOrder(String conversationId, String orderId) {
    if (orderId != null) {
      orders.put(conversationId, orderId);
    }
  }

  /** The last order mentioned in the conversation, or null. */
  public String orderOf(String conversationId) {
    return orders.getIfPresent(conversationId);
  }

  public void add(String conversationId, ChatLine line) {
    Deque<ChatLine> deque = lines.get(conversationId, k -> new ArrayDeque<>());
    synchronized (deque) {
      deque.addLast(line);
      while (deque.size() > perConversation) {
        deque.removeFirst();
      }
    }
  }

  public List<ChatLine> of(String conversationId) {
    Deque<ChatLine> deque = lines.getIfPresent(conversationId);
    if (deque == null) {
      return List.of();
    }
    synchronized (deque) {
      return new ArrayList<>(deque);
    }
  }
}
