package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param dir folder of the journal ({@code <data dir>/inbox})
 * @param dedupeFor how long a message's keys are remembered; Meta redelivers WhatsApp messages
 *     for days, so 7 days by default
 * @param slackDedupeFor how long the keys of Slack messages are remembered: Slack retries an event
 *     three times within minutes, so an hour by default
 * @param retry tries of a failing processor
 * @param compactBytes the journal is rewritten as its live content past this size
 * @param minFreeBytes start-up refuses a disk with less free space than this
 * @param memoryKeys dedupe keys held on the heap (two tables of half as many each); older keys
 *     are in key files on disk
 * @param maxKeyFiles key files kept before neighbours are merged
 */
public record JournalOptions(Path dir, Duration dedupeFor, Duration slackDedupeFor, RetryPolicy retry,
    long compactBytes, long minFreeBytes, int memoryKeys, int maxKeyFiles) {

  /** The channel whose keys are remembered for {@link #slackDedupeFor}. */
  static final String SLACK = "slack";
  public static final int DEFAULT_MEMORY_KEYS = 400_000;

  public JournalOptions {
    if (memoryKeys < 2) {
      throw new IllegalArgumentException("memoryKeys must be at least 2: " + memoryKeys);
    }
    if (maxKeyFiles < 1) {
      throw new IllegalArgumentException("maxKeyFiles must be at least 1: " + maxKeyFiles);
    }
  }

  public static JournalOptions defaults(Path dir) {
    return new JournalOptions(dir, Duration.ofDays(7), Duration.ofHours(1), RetryPolicy.defaults(), 64L << 20,
        16L << 20, DEFAULT_MEMORY_KEYS, 16);
  }

  /** How long the keys of a message of {@code channel} are remembered. */
  public Duration dedupeFor(String channel) {
    return SLACK.equals(channel) ? slackDedupeFor : dedupeFor;
  }

  public JournalOptions withRetry(RetryPolicy policy) {
    return new JournalOptions(dir, dedupeFor, slackDedupeFor, policy, compactBytes, minFreeBytes, memoryKeys, maxKeyFiles);
  }

  public JournalOptions withCompactBytes(long bytes) {
    return new JournalOptions(dir, dedupeFor, slackDedupeFor, retry, bytes, minFreeBytes, memoryKeys, maxKeyFiles);
  }

  public JournalOptions withDedupeFor(Duration duration) {
    return new JournalOptions(dir, duration, slackDedupeFor, retry, compactBytes, minFreeBytes, memoryKeys, maxKeyFiles);
  }

  public JournalOptions withSlackDedupeFor(Duration duration) {
    return new JournalOptions(dir, dedupeFor, duration, retry, compactBytes, minFreeBytes, memoryKeys, maxKeyFiles);
  }

  public JournalOptions withMemoryKeys(int keys) {
    return new JournalOptions(dir, dedupeFor, slackDedupeFor, retry, compactBytes, minFreeBytes, keys, maxKeyFiles);
  }

  public JournalOptions withMaxKeyFiles(int files) {
    return new JournalOptions(dir, dedupeFor, slackDedupeFor, retry, compactBytes, minFreeBytes, memoryKeys, files);
  }
}
