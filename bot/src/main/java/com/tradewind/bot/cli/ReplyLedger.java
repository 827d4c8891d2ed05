package com.tradewind.bot.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the fake Slack Web API accepted (which event each reply answers, when, from which process)
 * and when each process was killed; at the end it finds the events never answered and explains
 * every event answered more than once.
 *
 * <p>The one repeat a crash may cause: a process posted a reply, Slack accepted it, and the
 * process died before it recorded the message as answered (the journal's done mark not yet
 * fsynced, the Redis done counter not yet set); the next process to own the message answers it
 * again. So a repeat is <em>explained</em> when the earlier reply came from a process that was
 * then killed, within {@code window} before its kill, and the later one from another process.
 */
final class ReplyLedger {

  /** One accepted {@code chat.postMessage}. */
  record Reply(int event, long at, String sender) {}

  /** An event answered more than once: the earlier reply's sender was killed {@code beforeKillNanos} after it was accepted. */
  record Repeat(int event, String first, String second, long beforeKillNanos, boolean explained) {}

  /** The verdict. */
  record Tally(int replies, int unexpected, List<Integer> lost, List<Repeat> repeats) {

    long unexplained() {
      return repeats.stream().filter(r -> !r.explained()).count();
    }

    /** The longest time from a repeated reply's acceptance to its sender's kill, in ms (0 without repeats). */
    double maxBeforeKillMillis() {
      return repeats.stream().mapToLong(Repeat::beforeKillNanos).max().orElse(0) / 1e6;
    }

    /** The median of those times, in ms (0 without repeats). */
    double medianBeforeKillMillis() {
      long[] sorted = repeats.stream().mapToLong(Repeat::beforeKillNanos).sorted().toArray();
      return sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1e6;
    }
  }

  private final int events;
  private final AtomicIntegerArray counts;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicLong lastReplyAt = new AtomicLong();
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> kills = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> bySender = new ConcurrentHashMap<>();

  ReplyLedger(int events) {
    this.events = events;
    this.counts = new AtomicIntegerArray(events);
  }

  /** A {@link SlackBenchKit.ReplySink}: the fake Slack accepted a reply. */
  void replied(int event, long at, String sender) {
    replies.add(new Reply(event, at, sender));
    lastReplyAt.set(at);
    bySender.computeIfAbsent(String.valueOf(sender), k -> new AtomicInteger()).incrementAndGet();
    if (event >= 0 && event < events && counts.incrementAndGet(event) == 1) {
      answered.incrementAndGet();
    }
  }

  /** The process sending with {@code sender} was SIGKILLed at {@code at} ({@link System#nanoTime()}). */
  void killed(String sender, long at) {
    kills.put(sender, at);
  }

  /** Events with at least one reply. */
  int answered() {
    return answered.get();
  }

  /** Replies {@code sender} posted so far. */
  int repliesFrom(String sender) {
    AtomicInteger n = bySender.get(sender);
    return n == null ? 0 : n.get();
  }

  long lastReplyAt() {
    return lastReplyAt.get();
  }

  /**
   * @param acknowledged whether Slack (the sender) was told event {@code i} was recorded
   * @param window how long before its sender's kill a reply may have been accepted and still be
   *     the reply in flight at the kill; a reply the fake read just after the kill (bytes already
   *     sent) counts as 0
   */
  Tally tally(java.util.function.IntPredicate acknowledged, long window) {
    List<List<Reply>> byEvent = new ArrayList<>(events);
    for (int i = 0; i < events; i++) {
      byEvent.add(new ArrayList<>(1));
    }
    int unexpected = 0;
    int total = 0;
    for (Reply r : replies) {
      total++;
      if (r.event() < 0 || r.event() >= events) {
        unexpected++;
      } else {
        byEvent.get(r.event()).add(r);
      }
    }
    List<Integer> lost = new ArrayList<>();
    List<Repeat> repeats = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      List<Reply> answers = byEvent.get(i);
      if (answers.isEmpty()) {
        if (acknowledged.test(i)) {
          lost.add(i);
        }
        continue;
      }
      answers.sort(Comparator.comparingLong(Reply::at));
      for (int k = 1; k < answers.size(); k++) {
        Reply first = answers.get(k - 1);
        Reply second = answers.get(k);
        Long killedAt = kills.get(first.sender());
        long beforeKill = killedAt == null ? Long.MAX_VALUE : Math.max(0, killedAt - first.at());
        boolean explained = killedAt != null && !first.sender().equals(second.sender()) && beforeKill <= window
            && second.at() > killedAt;
        repeats.add(new Repeat(i, first.sender(), second.sender(), beforeKill, explained));
      }
    }
    return new Tally(total, unexpected, lost, repeats);
  }
}
