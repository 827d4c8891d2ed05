package com.tradewind.bot.delivery.setup;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.cluster.RedisConversationStore;
import com.tradewind.bot.cluster.RedisInbox;
import com.tradewind.bot.cluster.RedisInboxOptions;
import com.tradewind.bot.cluster.RedisKeys;
import com.tradewind.bot.cluster.RedisLink;
import com.tradewind.bot.cluster.RedisRateLimiter;
import com.tradewind.bot.config.ConfigSource;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.config.DeliveryOptions;
import com.tradewind.bot.conversation.ConversationStore;
import com.tradewind.bot.conversation.InMemoryConversationStore;
import com.tradewind.bot.delivery.DeliveryCounters;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.delivery.journal.JournalInbox;
import com.tradewind.bot.delivery.journal.JournalOptions;
import com.tradewind.bot.delivery.journal.JournalUnavailableException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The inbox the configuration asks for, with what goes with it: Redis (when
 * {@code TRADEWIND_REDIS_URL} is set) brings the shared conversation store and rate limiter;
 * otherwise the journal ({@code TRADEWIND_INBOX=journal}, the default) or memory.
 *
 * @param ready false while the journal cannot be written or Redis is unreachable
 * @param rateLimiter present in cluster mode only
 */
public record Delivery(Inbox inbox, ConversationStore conversations, Optional<RedisRateLimiter> rateLimiter,
    BooleanSupplier ready, DeliveryCounters counters, String description, Optional<RedisLink> redis) {

  /**
   * Opens everything, blocking the calling (non event-loop) thread until it is open.
   *
   * @throws java.io.IOException with a message for the operator when the journal cannot be used
   *     (data folder read-only, disk full, locked by another process)
   */
  public static Delivery start(Vertx vertx, DeliveryOptions options, ConversationOptions conversation, Path dataDir)
      throws Exception {
    InMemoryConversationStore local = new InMemoryConversationStore(conversation.idle(), 1_000_000,
        Ticker.systemTicker());
    if (options.cluster()) {
      RedisLink link = RedisLink.open(vertx, options.redisUrl()).await(10, TimeUnit.SECONDS);
      RedisKeys keys = new RedisKeys(options.redisKeyPrefix());
      RedisInbox inbox = RedisInbox.open(vertx, link, keys, RedisInboxOptions.defaults()
          .withDedupeFor(options.dedupeFor()).withRetry(options.retry()).withClaimIdle(options.claimIdle()))
          .await(10, TimeUnit.SECONDS);
      return new Delivery(inbox, new RedisConversationStore(link, keys, conversation.idle()),
          Optional.of(new RedisRateLimiter(vertx, link, keys)), inbox::ready, inbox.counters(),
          "Redis at " + link.where() + " (cluster mode)", Optional.of(link));
    }
    if (options.inbox() == DeliveryOptions.InboxKind.MEMORY) {
      InMemoryInbox inbox = new InMemoryInbox(options.dedupeFor(), 1_000_000, Ticker.systemTicker());
      return new Delivery(inbox, local, Optional.empty(), () -> true, new DeliveryCounters(),
          "memory (messages are lost on a crash)", Optional.empty());
    }
    Path dir = dataDir.resolve("inbox");
    JournalOptions defaults = JournalOptions.defaults(dir);
    JournalOptions journal = new JournalOptions(dir, options.dedupeFor(), options.slackDedupeFor(), options.retry(),
        options.journalCompactBytes(), defaults.minFreeBytes(), options.dedupeMemoryKeys(), defaults.maxKeyFiles());
    try {
      JournalInbox inbox = JournalInbox.open(vertx, journal, Clock.systemUTC()).await(60, TimeUnit.SECONDS);
      return new Delivery(inbox, local, Optional.empty(), inbox::writable, inbox.counters(),
          "journal in " + dir.toAbsolutePath(), Optional.empty());
    } catch (JournalUnavailableException e) {
      throw new java.io.IOException("the inbox journal cannot be used: " + e.getMessage() + "; set "
          + ConfigSource.envName("data.dir") + " to a writable folder with free space (or "
          + ConfigSource.envName("inbox") + "=memory to run without durability)", e);
    }
  }

  /** Stops handing out messages, waits for in-flight ones, then closes Redis. */
  public Future<Void> close() {
    return inbox.close().transform(ar -> redis.map(RedisLink::close).orElse(Future.succeededFuture()));
  }
}
