package com.tradewind.bot.cluster;

import static com.tradewind.bot.cluster.RedisTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.handoff.ChatLine;
import com.tradewind.bot.handoff.HandoffCase;
import com.tradewind.bot.handoff.HandoffService;
import com.tradewind.bot.handoff.StaffDesk;
import com.tradewind.bot.handoff.WebChatMailbox;
import com.tradewind.bot.replies.ReplyTemplates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-off in cluster mode against the real Redis: two nodes share cases and web chat mailboxes. */
class RedisHandoffTest {

  private Vertx vertx;
  private RedisKeys keys;
  private RedisLink linkA;
  private RedisLink linkB;
  private final AtomicInteger released = new AtomicInteger();
  private final List<String> closed = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    RedisTestSupport.assumeRedis();
    vertx = Vertx.vertx();
    keys = RedisTestSupport.uniqueKeys();
    linkA = await(RedisLink.open(vertx, RedisTestSupport.URL));
    linkB = await(RedisLink.open(vertx, RedisTestSupport.URL));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (vertx == null) {
      return; // skipped: no Redis
    }
    await(linkA.close());
    await(linkB.close());
    RedisTestSupport.deleteAll(vertx, keys);
    await(vertx.close());
  }

  private HandoffService node(RedisLink link, Clock clock, WebChatMailbox mailbox) throws Exception {
    StaffDesk desk = new StaffDesk() {
      @Override
      public Future<String> open(HandoffCase handoff, List<ChatLine> recent) {
        return Future.succeededFuture("1700000000.000100");
      }

      @Override
      public Future<Void> buyerWrote(HandoffCase handoff, String text) {
        return Future.succeededFuture();
      }

      @Override
      public Future<Void> closed(HandoffCase handoff, String reason) {
        closed.add(reason);
        return Future.succeededFuture();
      }
    };
    return new HandoffService(vertx, new RedisHandoffRegistry(link, keys), desk, Map.of("web", mailbox),
        id -> {
          released.incrementAndGet();
          return Future.succeededFuture(true);
        }, ReplyTemplates.load(Path.of("config/replies")), clock, Duration.ofMinutes(30));
  }

  @Test
  void aCaseOpenedOnOneNodeIsAnsweredThroughAnotherAndHandedBackOnce() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T10:00:00Z"));
    Clock clock = new Clock() {
      @Override
      public Instant instant() {
        return now.get();
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }
    };
    WebChatMailbox mailboxA = new RedisWebChatMailbox(linkA, keys, Duration.ofHours(1), clock);
    WebChatMailbox mailboxB = new RedisWebChatMailbox(linkB, keys, Duration.ofHours(1), clock);
    HandoffService a = node(linkA, clock, mailboxA);
    HandoffService b = node(linkB, clock, mailboxB);

    HandoffCase opened = await(a.open("web:ana", "web", "ana", "es", "8123456789012345", List.of()));
    assertEquals("1700000000.000100", opened.threadId());
    assertTrue(await(b.registry().byConversation("web:ana")).isPresent(), "node B sees the case");

    assertTrue(await(b.staffReplied("1700000000.000100", "Hola, soy Marta")));
    List<WebChatMailbox.Letter> onA = await(mailboxA.after("web:ana", 0));
    assertEquals(1, onA.size(), "the page polling node A gets what node B relayed");
    assertEquals("Hola, soy Marta", onA.get(0).text());
    assertEquals("staff", onA.get(0).from());

    assertEquals(0, await(a.expire()) + await(b.expire()), "not idle yet");
    now.set(now.get().plus(Duration.ofMinutes(31)));
    // Both nodes' timers find the case idle; only one hands it back.
    int handed = await(a.expire()) + await(b.expire());
    assertEquals(0, await(a.expire()) + await(b.expire()));
    assertEquals(1, handed);
    assertEquals(1, released.get());
    assertEquals(List.of(HandoffService.TIMED_OUT), closed);
    assertFalse(await(a.staffReplied("1700000000.000100", "late")), "the thread is no case any more");
    assertEquals(2, await(mailboxA.after("web:ana", 0)).size(), "staff reply, then the bot is back");
  }

  @Test
  void mailboxNumbersKeepGrowingAfterOldMessagesAreTrimmed() throws Exception {
    Clock clock = Clock.systemUTC();
    WebChatMailbox mailbox = new RedisWebChatMailbox(linkA, keys, Duration.ofHours(1), clock);
    HandoffCase c = new HandoffCase("web:bo", "web", "bo", "en", null, "t", Instant.now(), Instant.now());
    for (int i = 1; i <= WebChatMailbox.KEEP + 5; i++) {
      await(mailbox.deliver(c, "m" + i, "staff"));
    }
    List<WebChatMailbox.Letter> all = await(mailbox.after("web:bo", 0));
    assertEquals(WebChatMailbox.KEEP, all.size());
    assertEquals(6, all.get(0).seq());
    assertEquals("m" + (WebChatMailbox.KEEP + 5), all.get(all.size() - 1).text());
    assertEquals(List.of("m55"), await(mailbox.after("web:bo", 54)).stream().map(WebChatMailbox.Letter::text).toList());
  }
}
