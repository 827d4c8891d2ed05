package com.tradewind.connectors.slack;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces posts to one channel at least an interval apart ({@code chat.postMessage} allows about
 * one message per second per channel) with timers, never by blocking; channels are independent.
 */
public final class ChannelPacer {

  private static final int PURGE_ABOVE = 10_000;
  private final Vertx vertx;
  private final long intervalNanos;
  private final Map<String, Long> nextSlot = new ConcurrentHashMap<>();
  private volatile long lastPurge = System.nanoTime();

  public ChannelPacer(Vertx vertx, java.time.Duration interval) {
    this.vertx = vertx;
    this.intervalNanos = interval.toNanos();
  }

  /** Completes when the channel may receive its next message. */
  public Future<Void> turn(String channel) {
    if (intervalNanos <= 0) {
      return Future.succeededFuture();
    }
    long now = System.nanoTime();
    long slot = nextSlot.compute(channel, (k, next) -> next == null || next - now < 0 ? now + intervalNanos
        : next + intervalNanos) - intervalNanos;
    if (nextSlot.size() > PURGE_ABOVE && now - lastPurge > intervalNanos) {
      lastPurge = now; // at most one sweep per interval, however many channels are busy
      nextSlot.values().removeIf(next -> next - now < 0); // channels idle for a full interval
    }
    long waitMs = (slot - now) / 1_000_000;
    if (waitMs <= 0) {
      return Future.succeededFuture();
    }
    Promise<Void> ready = Promise.promise();
    vertx.setTimer(waitMs, id -> ready.complete());
    return ready.future();
  }
}
