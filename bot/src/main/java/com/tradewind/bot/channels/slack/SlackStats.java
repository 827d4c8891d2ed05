package com.tradewind.bot.channels.slack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of what the connector accepted, ignored and rejected, by reason (for logs, tests and metrics). */
public final class SlackStats {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final io.vertx.core.Vertx vertx;

  /** @param vertx where rejections are also reported for metrics ({@code ConnectorEvents}) */
  public SlackStats(io.vertx.core.Vertx vertx) {
    this.vertx = vertx;
  }

  void count(String what) {
    counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    if (what.startsWith("rejected.")) {
      com.tradewind.connectors.ConnectorEvents.webhookRejected(vertx, "slack", what.substring("rejected.".length()));
    }
  }

  /** How often {@code what} happened, e.g. {@code rejected.bad_signature} or {@code ignored.from_a_bot}. */
  public long get(String what) {
    LongAdder n = counts.get(what);
    return n == null ? 0 : n.sum();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
