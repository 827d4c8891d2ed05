package com.tradewind.bot.channels;

import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Votes kept in memory, one per answer and user (a second press replaces the first): enough to
 * run without a database; lost on restart.
 */
public final class InMemoryFeedbackRecorder implements FeedbackRecorder {

  /** One stored vote. */
  public record Entry(String answerId, Vote vote, String user, String channel) {}

  private static final int MAX_ENTRIES = 100_000;
  private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

  @Override
  public Future<Void> record(String answerId, Vote vote, String user, String channel) {
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // a bounded demo store; the persistent one keeps everything
    }
    entries.put(channel + "\u0000" + answerId + "\u0000" + user, new Entry(answerId, vote, user, channel));
    return Future.succeededFuture();
  }

  /** Everything recorded so far. */
  public List<Entry> entries() {
    return List.copyOf(entries.values());
  }
}
