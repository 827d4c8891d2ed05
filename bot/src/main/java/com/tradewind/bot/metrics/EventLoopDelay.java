package com.tradewind.bot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How late a periodic timer fires on the event loop: the simplest honest measure of a blocked or
 * overloaded loop. Vert.x's own metrics count requests and pools but not this.
 */
public final class EventLoopDelay {

  private static final long PERIOD_MS = 1000;
  private final AtomicLong lastDelayNanos = new AtomicLong();
  private final AtomicLong maxDelayNanos = new AtomicLong();
  private long timerId = -1;

  /** Starts measuring and registers {@code tradewind_event_loop_delay_seconds} (last and max). */
  public EventLoopDelay start(Vertx vertx, MeterRegistry registry) {
    Gauge.builder("tradewind.event.loop.delay", lastDelayNanos, v -> v.get() / 1e9).baseUnit("seconds")
        .description("how late the last 1 s timer fired").tag("stat", "last").register(registry);
    Gauge.builder("tradewind.event.loop.delay", maxDelayNanos, v -> v.get() / 1e9).baseUnit("seconds")
        .description("the largest delay seen since start").tag("stat", "max").register(registry);
    AtomicLong expected = new AtomicLong(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    timerId = vertx.setPeriodic(PERIOD_MS, id -> {
      long now = System.nanoTime();
      long delay = Math.max(0, now - expected.get());
      lastDelayNanos.set(delay);
      maxDelayNanos.accumulateAndGet(delay, Math::max);
      expected.set(now + TimeUnit.MILLISECONDS.toNanos(PERIOD_MS));
    });
    return this;
  }

  public void stop(Vertx vertx) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }
}
