package com.tradewind.bot.config;

import com.tradewind.bot.delivery.RetryPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * How acknowledged messages are kept: which inbox, how long dedupe keys live, how failing
 * messages are retried, and the Redis of cluster mode.
 *
 * @param inbox {@code journal} (durable, the default) or {@code memory}; ignored when
 *     {@code redisUrl} is set
 * @param redisUrl {@code redis://[:password@]host:port[/db]}, or null for single-node mode
 * @param redisKeyPrefix prefix of every key, so several deployments can share one Redis
 * @param dedupeFor how long a message's keys are remembered (WhatsApp: Meta redelivers for days)
 * @param journalCompactBytes the journal is rewritten as its live content past this size
 * @param claimIdle cluster mode: a message held this long by a silent node is taken over
 * @param slackDedupeFor journal inbox: how long the keys of Slack messages are remembered (Slack
 *     retries within minutes)
 * @param dedupeMemoryKeys journal inbox: dedupe keys held on the heap; older ones are in key files
 */
public record DeliveryOptions(InboxKind inbox, String redisUrl, String redisKeyPrefix, Duration dedupeFor,
    RetryPolicy retry, long journalCompactBytes, Duration claimIdle, Duration slackDedupeFor, int dedupeMemoryKeys) {

  /** The single-node inboxes; cluster mode is chosen by setting a Redis URL. */
  public enum InboxKind { JOURNAL, MEMORY }

  /** True when {@code redis.url} is set: the Redis inbox and conversation store are used. */
  public boolean cluster() {
    return redisUrl != null;
  }

  static DeliveryOptions from(ConfigSource source) {
    String url = source.optional("redis.url");
    if (url != null) {
      String scheme = url.toLowerCase(Locale.ROOT);
      if (!(scheme.startsWith("redis://") || scheme.startsWith("rediss://") || scheme.startsWith("unix://"))) {
        throw new ConfigException("redis.url", "must start with redis://, rediss:// or unix://");
      }
    }
    return new DeliveryOptions(
        source.choice("inbox", InboxKind.class),
        url,
        source.string("redis.key-prefix"),
        Duration.ofHours(source.integer("delivery.dedupe-hours", 1, 24 * 365)),
        new RetryPolicy(source.integer("delivery.max-attempts", 1, 100),
            Duration.ofMillis(source.integer("delivery.retry-first-ms", 1, 3_600_000)), Duration.ofSeconds(60)),
        source.integer("delivery.journal-compact-mb", 1, 65_536) * 1024L * 1024L,
        Duration.ofSeconds(source.integer("delivery.claim-idle-seconds", 1, 86_400)),
        Duration.ofMinutes(source.integer("delivery.slack-dedupe-minutes", 10, 525_600)),
        source.integer("delivery.dedupe-memory-keys", 10_000, 100_000_000));
  }
}
