package com.tradewind.bot.channels.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Threads the bot has answered in, so a follow-up in such a thread is answered without a new
 * mention while other channel chatter is left alone. Bounded and expiring: a thread quiet for a
 * week needs a mention again.
 */
final class BotThreads {

  private final Cache<String, Boolean> threads = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(7))
      .maximumSize(200_000).build();

  void joined(String channel, String threadRoot) {
    threads.put(channel + "/" + threadRoot, Boolean.TRUE);
  }

  boolean takesPart(String channel, String threadRoot) {
    return threadRoot != null && threads.getIfPresent(channel + "/" + threadRoot) != null;
  }
}
