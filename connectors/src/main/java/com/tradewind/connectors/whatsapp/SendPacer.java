package com.tradewind.connectors.whatsapp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

/**
 * Spaces calls evenly at the account's rate (Meta counts every message of a business number
 * against it). Waits are Vert.x timers, so nothing blocks.
 */
final class SendPacer {

  private final Vertx vertx;
  private final long intervalNanos;
  private long nextSlot;

  SendPacer(Vertx vertx, double perSecond) {
    this.vertx = vertx;
    this.intervalNanos = Math.max(1, (long) (1_000_000_000L / perSecond));
    this.nextSlot = System.nanoTime();
  }

  /** Completes when the caller may send. */
  Future<Void> acquire() {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, nextSlot);
      nextSlot = slot + intervalNanos;
      waitNanos = slot - now;
    }
    long waitMillis = waitNanos / 1_000_000;
    if (waitMillis < 1) {
      return Future.succeededFuture();
    }
    Promise<Void> ready = Promise.promise();
    vertx.setTimer(waitMillis, id -> ready.complete());
    return ready.future();
  }
}
