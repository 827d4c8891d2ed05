package com.tradewind.bot.handoff;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The web chat mailbox of a single node, in memory. */
public final class InMemoryWebChatMailbox implements WebChatMailbox {

  private final Cache<String, List<Letter>> boxes;
  private final Clock clock;

  public InMemoryWebChatMailbox(Duration keepFor, Clock clock) {
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

  @Override
  public Future<List<Letter>> after(String conversationId, long seq) {
    List<Letter> box = boxes.getIfPresent(conversationId);
    if (box == null) {
      return Future.succeededFuture(List.of());
    }
    synchronized (box) {
      return Future.succeededFuture(box.stream().filter(l -> l.seq() > seq).toList());
    }
  }
}
