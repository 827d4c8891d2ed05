package com.tradewind.bot.cluster;

/** Redis cannot be reached right now: nothing was recorded, the caller should answer 503. */
public final class RedisUnavailableException extends RuntimeException {

  public RedisUnavailableException(String message) {
    super(message);
  }
}
