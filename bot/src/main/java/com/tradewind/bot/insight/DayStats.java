package com.tradewind.bot.insight;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * One day's counts. Every request falls in exactly one of answered, handed off or not answered;
 * feedback later moves answered ones to resolved (👍) or not answered (👎) — see docs/ops.md.
 */
final class DayStats {

  /** Upper bounds of the latency buckets in milliseconds; the last bucket is everything above. */
  static final long[] BUCKETS_MS = {1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000, 1500,
      2000, 3000, 5000, 10000, 30000};

  long messages;
  long requests;
  long answered;
  long handoffs;
  long unanswered;
  final Map<String, Long> byChannel = new TreeMap<>();
  final Map<String, Long> byLanguage = new TreeMap<>();
  final Map<String, Long> byIntent = new TreeMap<>();
  final long[] latency = new long[BUCKETS_MS.length + 1];

  void add(String channel, String language, String intent, long latencyMs, Kind kind) {
    messages++;
    byChannel.merge(channel == null ? "none" : channel, 1L, Long::sum);
    byLanguage.merge(language == null ? "none" : language, 1L, Long::sum);
    byIntent.merge(intent == null ? "none" : intent, 1L, Long::sum);
    latency[bucket(latencyMs)]++;
    switch (kind) {
      case ANSWERED -> { requests++; answered++; }
      case HANDOFF -> { requests++; handoffs++; }
      case UNANSWERED -> { requests++; unanswered++; }
      case OTHER -> { }
    }
  }

  /** What a turn counts as. */
  enum Kind { ANSWERED, HANDOFF, UNANSWERED, OTHER }

  static int bucket(long ms) {
    for (int i = 0; i < BUCKETS_MS.length; i++) {
      if (ms <= BUCKETS_MS[i]) {
        return i;
      }
    }
    return BUCKETS_MS.length;
  }

  /** The latency (bucket upper bound, ms) at or below which the share {@code q} of turns fell; -1 without turns. */
  static long percentile(long[] counts, double q) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return i < BUCKETS_MS.length ? BUCKETS_MS[i] : BUCKETS_MS[BUCKETS_MS.length - 1] * 2;
      }
    }
    return -1;
  }

  JsonObject toJson(String day, long resolved, long downvoted) {
    return new JsonObject().put("day", day).put("messages", messages).put("requests", requests)
        .put("resolved", resolved).put("answered", answered - resolved - downvoted).put("handoffs", handoffs)
        .put("unanswered", unanswered + downvoted)
        .put("byChannel", new JsonObject(new TreeMap<>(byChannel)))
        .put("byLanguage", new JsonObject(new TreeMap<>(byLanguage)))
        .put("byIntent", new JsonObject(new TreeMap<>(byIntent)));
  }
}
