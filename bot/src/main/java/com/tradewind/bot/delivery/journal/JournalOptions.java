package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.RetryPolicy;
import java.nio.file.Path;
import java.time.Duration;

/**
 * @param dir folder of the journal ({@code <data dir>/inbox})
 * @param dedupeFor how long a message's keys are remembered; Meta redelivers WhatsApp messages
 *     for days, so 7 days by default
 * @param retry tries of a failing processor
 * @param compactBytes the journal is rewritten as its live content past this size
 * @param minFreeBytes start-up refuses a disk with less free space than this
 */
public record JournalOptions(Path dir, Duration dedupeFor, RetryPolicy retry, long compactBytes, long minFreeBytes) {

  public static JournalOptions defaults(Path dir) {
    return new JournalOptions(dir, Duration.ofDays(7), RetryPolicy.defaults(), 64L << 20, 16L << 20);
  }

  public JournalOptions withRetry(RetryPolicy policy) {
    return new JournalOptions(dir, dedupeFor, policy, compactBytes, minFreeBytes);
  }

  public JournalOptions withCompactBytes(long bytes) {
    return new JournalOptions(dir, dedupeFor, retry, bytes, minFreeBytes);
  }

  public JournalOptions withDedupeFor(Duration duration) {
    return new JournalOptions(dir, duration, retry, compactBytes, minFreeBytes);
  }
}
