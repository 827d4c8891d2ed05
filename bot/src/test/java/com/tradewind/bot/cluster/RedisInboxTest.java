package com.tradewind.bot.cluster;

import static com.tradewind.bot.cluster.RedisTestSupport.await;
import static com.tradewind.bot.cluster.RedisTestSupport.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against the real Redis at 127.0.0.1:6379 (see RedisTestSupport): two inboxes play two nodes. */
@ExtendWith(VertxExtension.class)
class RedisInboxTest {

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

  private Vertx vertx;
  private RedisKeys keys;
  private final List<RedisLink> links = new ArrayList<>();
  private final List<RedisInbox> inboxes = new ArrayList<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    RedisTestSupport.assumeRedis();
    this.vertx = vertx;
    this.keys = RedisTestSupport.uniqueKeys();
  }

  @AfterEach
  void tearDown() throws Exception {
    for (RedisInbox inbox : inboxes) {
      await(inbox.close());
    }
    for (RedisLink link : links) {
      await(link.close());
    }
    RedisTestSupport.deleteAll(vertx, keys);
  }

  private RedisInbox node(String name, Duration claimIdle) throws Exception {
    return node(name, claimIdle, RedisTestSupport.URL);
  }

  private RedisInbox node(String name, Duration claimIdle, String url) throws Exception {
    RedisLink link = await(RedisLink.open(vertx, url));
    links.add(link);
    RedisInbox inbox = await(RedisInbox.open(vertx, link, keys,
        RedisInboxOptions.defaults().withNode(name).withRetry(FAST).withClaimIdle(claimIdle)));
    inboxes.add(inbox);
    return inbox;
  }

  static InboundMessage message(String id, String conversation, String... dedupe) {
    return new InboundMessage(id, "slack", List.of(dedupe), conversation, new JsonObject().put("text", "hi " + id),
        Instant.parse("2026-11-28T10:00:00Z"));
  }

  @Test
  void twoNodesShareTheWorkEachMessageOnceInOrderPerConversation() throws Exception {
    RedisInbox a = node("a", Duration.ofSeconds(10));
    RedisInbox b = node("b", Duration.ofSeconds(10));
    Map<String, AtomicInteger> times = new ConcurrentHashMap<>();
    Map<String, List<String>> byConversation = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
    for (RedisInbox node : List.of(a, b)) {
      node.process("slack", m -> {
        times.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
        byConversation.computeIfAbsent(m.conversation(), k -> new CopyOnWriteArrayList<>()).add(m.id());
        perNode.computeIfAbsent(node.node(), k -> new AtomicInteger()).incrementAndGet();
        return vertx.timer(3).mapEmpty(); // a reply takes a moment
      });
    }
    Map<String, List<String>> offered = new HashMap<>();
    for (int i = 0; i < 120; i++) {
      String conversation = "c" + (i % 12);
      String id = "m" + i;
      assertTrue(await((i % 2 == 0 ? a : b).offer(message(id, conversation, "ev:" + i))));
      offered.computeIfAbsent(conversation, k -> new ArrayList<>()).add(id);
    }
    eventually(() -> a.counters().answered() + b.counters().answered() == 120, "all answered");
    Thread.sleep(200); // a second delivery would show up here
    assertEquals(120, times.size());
    times.forEach((id, n) -> assertEquals(1, n.get(), id + " processed once"));
    assertEquals(offered, byConversation, "each conversation in arrival order across nodes");
    assertTrue(perNode.get("a").get() > 0 && perNode.get("b").get() > 0, "both nodes worked: " + perNode);
  }

  @Test
  void aRedeliveryToAnotherNodeIsADuplicate() throws Exception {
    RedisInbox a = node("a", Duration.ofSeconds(10));
    RedisInbox b = node("b", Duration.ofSeconds(10));
    List<String> processed = new CopyOnWriteArrayList<>();
    a.process("slack", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    b.process("slack", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    assertTrue(await(a.offer(message("x", "c1", "slack:event:Ev1", "slack:msg:C1:1.0"))));
    assertFalse(await(b.offer(message("x", "c1", "slack:event:Ev1"))), "same event, other node");
    assertFalse(await(b.offer(message("y", "c1", "slack:event:Ev2", "slack:msg:C1:1.0"))), "same message, other event");
    assertFalse(await(a.offer(message("x", "c1", "slack:event:Ev1", "slack:msg:C1:1.0"))), "4th delivery");
    eventually(() -> processed.size() == 1, "processed");
    Thread.sleep(200);
    assertEquals(List.of("x"), processed);
    assertEquals(3, a.counters().duplicates() + b.counters().duplicates());
  }

  @Test
  void aCrashedNodesMessagesAreTakenOverByAnother() throws Exception {
    RedisInbox a = node("a", Duration.ofMillis(600));
    List<String> startedOnA = new CopyOnWriteArrayList<>();
    a.process("slack", m -> {
      startedOnA.add(m.id());
      return Promise.<Void>promise().future(); // dies before answering
    });
    for (int i = 0; i < 5; i++) {
      assertTrue(await(a.offer(message("m" + i, "c" + i, "ev:" + i))));
    }
    assertTrue(await(a.offer(message("later", "c0", "ev:later")))); // same conversation as m0
    eventually(() -> startedOnA.size() == 5, "a took the messages");
    await(a.crash());

    RedisInbox b = node("b", Duration.ofMillis(600));
    List<String> answeredOnB = new CopyOnWriteArrayList<>();
    b.process("slack", m -> {
      answeredOnB.add(m.id());
      return Future.succeededFuture();
    });
    eventually(() -> answeredOnB.size() == 6, "b answered what a held");
    assertEquals(List.of("m0", "later"), answeredOnB.stream().filter(id -> id.equals("m0") || id.equals("later")).toList());
    assertTrue(b.counters().recovered() >= 5, "claimed: " + b.counters().recovered());
  }

  /**
   * A node that stalls longer than claimIdle (a GC pause, a starved CPU) is taken for dead and its
   * messages are claimed by another node. When it wakes up it must not answer them as well: its
   * refresh used to claim them back, and a message still waiting in its lane was then answered by
   * both nodes. The reply already in flight before the stall (m1) is the one left to chance.
   */
  @Test
  void aNodeThatStalledDoesNotAnswerWhatAnotherTookOver() throws Exception {
    // a on a Vert.x of one event loop, so blocking that loop stalls all of a, refresh timer included
    Vertx stalling = Vertx.vertx(new io.vertx.core.VertxOptions().setEventLoopPoolSize(1));
    RedisLink link = await(RedisLink.open(stalling, RedisTestSupport.URL));
    RedisInbox a = await(RedisInbox.open(stalling, link, keys,
        RedisInboxOptions.defaults().withNode("a").withRetry(FAST).withClaimIdle(Duration.ofMillis(400))));
    try {
      List<String> startedOnA = new CopyOnWriteArrayList<>();
      List<String> startedOnB = new CopyOnWriteArrayList<>();
      a.process("slack", m -> {
        startedOnA.add(m.id());
        // m1's reply is slow: it is still being written when a stalls, and ends after b took over
        return m.id().equals("m1") ? when(() -> startedOnB.contains("m1")) : Future.succeededFuture();
      });
      assertTrue(await(a.offer(message("m1", "c1", "ev:1"))));
      assertTrue(await(a.offer(message("m2", "c1", "ev:2"))));
      eventually(() -> startedOnA.contains("m1"), "a started m1 and holds m2 behind it");
      RedisInbox b = node("b", Duration.ofMillis(400));
      b.process("slack", m -> {
        startedOnB.add(m.id());
        // b is still answering m2 when a wakes up and reaches m2 in its lane
        return m.id().equals("m2") ? when(() -> startedOnA.contains("m2") || a.takenOver() > 0) : Future.succeededFuture();
      });
      a.context().runOnContext(v -> {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!startedOnB.contains("m1") && System.nanoTime() < deadline) {
          try {
            Thread.sleep(10); // the stall
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      });
      eventually(() -> b.counters().answered() == 2, "b answered both", () -> "a " + startedOnA + ", b " + startedOnB);
      Thread.sleep(300); // a second answer of m2 would show up here
      assertEquals(List.of("m1", "m2"), startedOnB);
      assertEquals(List.of("m1"), startedOnA, "a answered m2 too");
      assertTrue(a.takenOver() > 0, "a knows it lost them");
    } finally {
      await(a.close());
      await(link.close());
      await(stalling.close());
    }
  }

  private Future<Void> when(java.util.function.BooleanSupplier condition) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(10, timer -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(timer);
        done.tryComplete();
      }
    });
    return done.future();
  }

  /**
   * Found by CrashDrillTest's cluster run: b waits with message 2 of a conversation for message 1,
   * which a dead node held; when b claims message 1 it must not queue it behind message 2 (that
   * waited for the order wait, 5 minutes, and then dropped message 1 as "already answered").
   */
  @Test
  void aClaimedEarlierMessageGoesBeforeALaterOneWaitingForIt() throws Exception {
    RedisInbox a = node("a", Duration.ofMillis(600));
    List<String> startedOnA = new CopyOnWriteArrayList<>();
    a.process("slack", m -> {
      startedOnA.add(m.id());
      return Promise.<Void>promise().future(); // dies before answering
    });
    RedisInbox b = node("b", Duration.ofMillis(600));
    List<String> answeredOnB = new CopyOnWriteArrayList<>();
    b.process("slack", m -> {
      answeredOnB.add(m.id());
      return Future.succeededFuture();
    });
    assertTrue(await(a.offer(message("first", "c", "ev:first"))));
    eventually(() -> startedOnA.size() + answeredOnB.size() == 1, "one node took the first message");
    org.junit.jupiter.api.Assumptions.assumeTrue(startedOnA.size() == 1, "b read it; the race this test sets up needs a");
    await(a.crash());
    assertTrue(await(b.offer(message("second", "c", "ev:second")))); // b waits for "first" with it
    eventually(() -> answeredOnB.size() == 2, "b took over the first message and answered both",
        answeredOnB::toString);
    assertEquals(List.of("first", "second"), answeredOnB);
  }

  @Test
  void consumersOfNodesGoneForGoodAreForgotten() throws Exception {
    RedisInbox first = node("first", Duration.ofSeconds(10)); // creates the group
    RedisLink admin = links.get(0);
    await(admin.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.XGROUP).arg("CREATECONSUMER")
        .arg(keys.inboxStream()).arg(keys.inboxGroup()).arg("ghost")));
    await(first.crash());
    Thread.sleep(1_300); // idle longer than 120 x the 10 ms claim threshold below
    RedisInbox survivor = node("survivor", Duration.ofMillis(10));
    survivor.process("slack", m -> Future.succeededFuture());
    assertTrue(await(survivor.offer(message("m", "c", "ev:m")))); // a consumer exists once it has read something
    String[] last = {""};
    eventually(() -> {
      try {
        last[0] = await(admin.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.XINFO)
            .arg("CONSUMERS").arg(keys.inboxStream()).arg(keys.inboxGroup()))).toString();
        return !last[0].contains("ghost") && last[0].contains("survivor");
      } catch (Exception e) {
        last[0] = e.toString();
        return false;
      }
    }, "the ghost consumer deleted, the live one kept", () -> last[0]);
    assertTrue(survivor.ready());
  }

  @Test
  void aSlowButLiveNodeKeepsItsMessages() throws Exception {
    RedisInbox a = node("a", Duration.ofMillis(300));
    RedisInbox b = node("b", Duration.ofMillis(300));
    Map<String, AtomicInteger> times = new ConcurrentHashMap<>();
    for (RedisInbox node : List.of(a, b)) {
      node.process("slack", m -> {
        times.computeIfAbsent(m.id(), k -> new AtomicInteger()).incrementAndGet();
        return vertx.timer(1_200).mapEmpty(); // four times the claim threshold
      });
    }
    for (int i = 0; i < 6; i++) {
      assertTrue(await(a.offer(message("m" + i, "c" + i, "ev:" + i))));
    }
    eventually(() -> a.counters().answered() + b.counters().answered() == 6, "answered");
    Thread.sleep(400);
    times.forEach((id, n) -> assertEquals(1, n.get(), id + " processed once"));
    assertEquals(0, a.counters().recovered() + b.counters().recovered(), "nothing claimed from a live node");
  }

  @Test
  void whileRedisIsDownOffersFailFastAndTheNodeIsUnreadyThenRecovers() throws Exception {
    RedisTestSupport.Outage outage = RedisTestSupport.Outage.start(vertx);
    RedisInbox a = node("a", Duration.ofSeconds(10), "redis://127.0.0.1:" + outage.port());
    List<String> processed = new CopyOnWriteArrayList<>();
    a.process("slack", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    assertTrue(a.ready());
    assertTrue(await(a.offer(message("before", "c1", "ev:1"))));

    outage.cut();
    eventually(() -> !a.ready(), "unready while Redis is down");
    long started = System.nanoTime();
    Throwable refused = a.offer(message("during", "c1", "ev:2")).transform(ar -> Future.succeededFuture(ar.cause()))
        .await(5, TimeUnit.SECONDS);
    assertTrue(refused instanceof RedisUnavailableException, String.valueOf(refused));
    assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(200), "fails fast, so the webhook answers 503");

    outage.restore();
    eventually(a::ready, "ready again without a restart");
    assertTrue(await(a.offer(message("during", "c1", "ev:2"))), "the platform's retry is recorded");
    eventually(() -> processed.size() == 2, "processed after recovery");
    assertEquals(List.of("before", "during"), processed);
    outage.cut();
  }

  @Test
  void aClosedPortIsUnreadyFromTheStart() throws Exception {
    int closedPort;
    try (var socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    RedisInbox a = node("a", Duration.ofSeconds(10), "redis://127.0.0.1:" + closedPort);
    assertFalse(a.ready());
    Throwable refused = a.offer(message("x", "c", "ev:x")).transform(ar -> Future.succeededFuture(ar.cause()))
        .await(5, TimeUnit.SECONDS);
    assertTrue(refused instanceof RedisUnavailableException, String.valueOf(refused));
  }

  @Test
  void aFailingMessageIsRetriedThenCountedAsFailedAndTheConversationMovesOn() throws Exception {
    RedisInbox a = node("a", Duration.ofSeconds(10));
    List<String> processed = new CopyOnWriteArrayList<>();
    a.process("slack", m -> {
      processed.add(m.id());
      return m.id().equals("bad") ? Future.failedFuture("backend down") : Future.succeededFuture();
    });
    assertTrue(await(a.offer(message("bad", "c1", "ev:bad"))));
    assertTrue(await(a.offer(message("next", "c1", "ev:next"))));
    eventually(() -> processed.contains("next"), "the next message of the conversation");
    assertEquals(List.of("bad", "bad", "bad", "next"), processed);
    assertEquals(1, a.counters().failed());
    assertEquals(1L, await(a.failedInCluster()));
  }
}
