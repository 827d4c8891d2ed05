package com.tradewind.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class InMemoryInboxTest {

  private static InboundMessage message(String id, String conversation, String... keys) {
    return new InboundMessage(id, "test", List.of(keys), conversation, new JsonObject().put("n", id), Instant.EPOCH);
  }

  @Test
  void aRedeliveryUnderAnyKeyIsADuplicate(VertxTestContext ctx) {
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 1000, Ticker.systemTicker());
    List<String> processed = new CopyOnWriteArrayList<>();
    inbox.process("test", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    inbox.offer(message("a", "c1", "event:1", "msg:C1:1.0"))
        .compose(first -> {
          assertTrue(first);
          return inbox.offer(message("b", "c1", "event:2", "msg:C1:1.0")); // a mention and a message event
        })
        .compose(second -> {
          assertFalse(second);
          return inbox.offer(message("c", "c1", "event:1"));
        })
        .compose(third -> {
          assertFalse(third);
          return inbox.close();
        })
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertEquals(List.of("a"), processed);
          ctx.completeNow();
        })));
  }

  @Test
  void theKeysStayWithinTheirBoundAndTheNewestAreKept() throws Exception {
    AtomicLong nanos = new AtomicLong();
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 100, nanos::get);
    inbox.process("test", m -> Future.succeededFuture());
    for (int i = 0; i < 1_000; i++) {
      nanos.addAndGet(Duration.ofSeconds(1).toNanos());
      assertTrue(inbox.offer(message("m" + i, "c" + i, "k:" + i)).await());
      assertTrue(inbox.rememberedKeys() <= 100, "within the bound after " + i + ": " + inbox.rememberedKeys());
    }
    for (int i = 999; i > 999 - 40; i--) {
      assertFalse(inbox.offer(message("m" + i, "c" + i, "k:" + i)).await(), "a recent key is kept: " + i);
    }
    assertTrue(inbox.offer(message("m0", "c0", "k:0")).await(), "the oldest made room");
    inbox.close().await();
  }

  @Test
  void keysAreForgottenAfterTheirTime(VertxTestContext ctx) {
    AtomicLong nanos = new AtomicLong();
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofMinutes(10), 1000, nanos::get);
    inbox.process("test", m -> Future.succeededFuture());
    inbox.offer(message("a", "c1", "k"))
        .compose(first -> {
          nanos.addAndGet(Duration.ofMinutes(11).toNanos());
          return inbox.offer(message("a", "c1", "k"));
        })
        .onComplete(ctx.succeeding(again -> ctx.verify(() -> {
          assertTrue(again);
          ctx.completeNow();
        })));
  }

  @Test
  void oneConversationInOrderOthersInParallel(Vertx vertx, VertxTestContext ctx) {
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 1000, Ticker.systemTicker());
    List<String> order = new CopyOnWriteArrayList<>();
    Promise<Void> slowFirst = Promise.promise();
    inbox.process("test", m -> {
      order.add("start " + m.id());
      if (m.id().equals("c1-1")) {
        return slowFirst.future().onSuccess(v -> order.add("end c1-1"));
      }
      order.add("end " + m.id());
      return Future.succeededFuture();
    });
    inbox.offer(message("c1-1", "c1", "1"));
    inbox.offer(message("c1-2", "c1", "2"));
    inbox.offer(message("c2-1", "c2", "3"));
    ctx.verify(() -> assertEquals(List.of("start c1-1", "start c2-1", "end c2-1"), order));
    slowFirst.complete();
    inbox.close().onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertEquals(List.of("start c1-1", "start c2-1", "end c2-1", "end c1-1", "start c1-2", "end c1-2"), order);
      ctx.completeNow();
    })));
  }

  @Test
  void aFailedMessageDoesNotStopItsConversation(VertxTestContext ctx) {
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 1000, Ticker.systemTicker());
    List<String> processed = new CopyOnWriteArrayList<>();
    inbox.process("test", m -> {
      processed.add(m.id());
      return m.id().equals("x") ? Future.failedFuture("boom") : Future.succeededFuture();
    });
    inbox.offer(message("x", "c", "1"));
    inbox.offer(message("y", "c", "2"));
    inbox.close().onComplete(ctx.succeeding(v -> ctx.verify(() -> {
      assertEquals(List.of("x", "y"), processed);
      ctx.completeNow();
    })));
  }
}
