package com.tradewind.bot.handoff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff replies waiting for a web chat page to fetch them: the web chat only speaks when spoken
 * to, so during a hand-off the page polls for what staff wrote. Each conversation keeps its last
 * messages, numbered, so a page that reloads asks only for what it has not shown.
 */
public final class WebChatMailbox implements BuyerRelay {

  private static final int KEEP = 50;

  /** One relayed message; {@code seq} grows by one per conversation. */
  public record Letter(long seq, String from, String text, Instant time) {}

  private final Cache<String, List<Letter>> boxes;
  private final Clock clock;

  public WebChatMailbox(Duration keepFor, Clock clock) {
    this.boxes = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(100_000).build();
    this.clock = clock;
  }

  @Override
  public Future<Void> deliver(HandoffCase handoff, String text, String from) {
    List<Letter> box = boxes.get(handoff.conversationId(), k -> new ArrayList<>());
    synchronized (box) {
      long seq = box.isEmpty() ? 1 : box.get(box.size() - 1).seq() + 1;
      box.add(new Letter(seq, from, text, clock.instant()));
      if (box.size() > KEEP) {
        box.remove(0);
      }
    }
    return Future.succeededFuture();
  }

  /** Messages after {@code seq}, oldest first. */
  public List<Letter> after(String conversationId, long seq) {
    List<Letter> box = boxes.getIfPresent(conversationId);
    if (box == null) {
      return List.of();
    }
    synchronized (box) {
      return box.stream().filter(l -> l.seq() > seq).toList();
    }
  }
}
