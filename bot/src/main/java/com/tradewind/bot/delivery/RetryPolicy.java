package com.tradewind.bot.delivery;

import java.time.Duration;

/**
 * How often a message whose processing failed is tried again: exponential backoff from
 * {@code firstDelay}, capped at {@code maxDelay}, at most {@code maxAttempts} tries in all.
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** 5 tries over about 15 seconds: long enough for a backend blip, short for a waiting buyer. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  /** The wait before try number {@code attempt + 1}, after {@code attempt} failed tries. */
  public long delayMillis(int attempt) {
    long delay = firstDelay.toMillis() << Math.min(attempt - 1, 20);
    return Math.max(1, Math.min(delay, maxDelay.toMillis()));
  }
}
