package com.tradewind.bot.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an inbox did since start-up, for metrics and tests: failures are counted here rather than
 * dropped silently.
 */
public final class DeliveryCounters {

  final AtomicLong recorded = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  final AtomicLong retries = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong recovered = new AtomicLong();

  /** Messages newly recorded by {@code offer}. */
  public long recorded() {
    return recorded.get();
  }

  /** Offers refused because one of their keys was seen before. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Messages whose processor succeeded. */
  public long answered() {
    return answered.get();
  }

  /** Tries after a failed one. */
  public long retries() {
    return retries.get();
  }

  /** Messages given up after their last try; each is logged and recorded as failed. */
  public long failed() {
    return failed.get();
  }

  /** Messages found unanswered at start-up (journal) or claimed from another node (Redis). */
  public long recovered() {
    return recovered.get();
  }

  public void countRecorded() {
    recorded.incrementAndGet();
  }

  public void countDuplicate() {
    duplicates.incrementAndGet();
  }

  public void countRecovered() {
    recovered.incrementAndGet();
  }

  @Override
  public String toString() {
    return "recorded=" + recorded() + " duplicates=" + duplicates() + " answered=" + answered() + " retries="
        + retries() + " failed=" + failed() + " recovered=" + recovered();
  }
}
