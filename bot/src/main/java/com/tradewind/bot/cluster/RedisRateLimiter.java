package com.tradewind.bot.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;

/**
 * An outbound rate limit shared by all nodes (Slack's one message per second per channel,
 * WhatsApp's per-number throughput): a counter per key and second, on Redis's clock so nodes
 * with skewed clocks agree. {@link #acquire} waits on timers, never blocking a thread.
 */
public final class RedisRateLimiter {

  /** KEYS: prefix of the counter. ARGV: limit per second. Returns 0 (go) or ms to the next second. */
  private static final String TAKE = """
      local t = redis.call('TIME')
      local key = KEYS[1] .. t[1]
      local n = redis.call('INCR', key)
      if n == 1 then redis.call('PEXPIRE', key, 2000) end
      if n <= tonumber(ARGV[1]) then return 0 end
      return 1000 - math.floor(tonumber(t[2]) / 1000)
      """;

  private final Vertx vertx;
  private final RedisLink redis;
  private final RedisKeys keys;

  public RedisRateLimiter(Vertx vertx, RedisLink redis, RedisKeys keys) {
    this.vertx = vertx;
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * Completes when one of the {@code perSecond} slots of {@code key} in the current second is
   * ours; fails after {@code maxWait} (the caller retries the send later) or when Redis is down.
   */
  public Future<Void> acquire(String key, int perSecond, Duration maxWait) {
    return acquire(key, perSecond, System.nanoTime() + maxWait.toNanos());
  }

  private Future<Void> acquire(String key, int perSecond, long deadline) {
    String counter = keys.rate(key, 0);
    Request take = Request.cmd(Command.EVAL).arg(TAKE).arg(1).arg(counter.substring(0, counter.length() - 1))
        .arg(perSecond);
    return redis.send(take).compose(wait -> {
      long ms = wait.toLong();
      if (ms == 0) {
        return Future.succeededFuture();
      }
      if (System.nanoTime() + ms * 1_000_000 > deadline) {
        return Future.failedFuture(new RateLimitedException(key));
      }
      return vertx.timer(Math.max(1, ms)).compose(t -> acquire(key, perSecond, deadline));
    });
  }

  /** No slot within the caller's patience. */
  public static final class RateLimitedException extends RuntimeException {
    public RateLimitedException(String key) {
      super("rate limit of " + key + " reached");
    }
  }
}
