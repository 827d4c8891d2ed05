package com.tradewind.bot.cluster;

import static com.tradewind.bot.cluster.RedisTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.conversation.ConversationState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Conversation state and rate limits shared by nodes, against the real Redis. */
@ExtendWith(VertxExtension.class)
class RedisSharedStateTest {

  private Vertx vertx;
  private RedisKeys keys;
  private RedisLink nodeA;
  private RedisLink nodeB;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    RedisTestSupport.assumeRedis();
    this.vertx = vertx;
    keys = RedisTestSupport.uniqueKeys();
    nodeA = await(RedisLink.open(vertx, RedisTestSupport.URL));
    nodeB = await(RedisLink.open(vertx, RedisTestSupport.URL));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (nodeA == null) {
      return; // skipped: no Redis
    }
    await(nodeA.close());
    await(nodeB.close());
    RedisTestSupport.deleteAll(vertx, keys);
  }

  @Test
  void conversationStateWrittenOnOneNodeIsReadOnAnotherAndExpiresWhenIdle() throws Exception {
    RedisConversationStore a = new RedisConversationStore(nodeA, keys, Duration.ofMillis(800));
    RedisConversationStore b = new RedisConversationStore(nodeB, keys, Duration.ofMillis(800));
    ConversationState state = ConversationState.start("slack:T1:C1", Instant.parse("2026-11-28T10:00:00Z"))
        .withLanguage("es").withPending("order_status").withOrder("8123456789012345", "RR123456785CN").withHandoff(true);
    await(a.put(state));
    assertEquals(Optional.of(state), await(b.get("slack:T1:C1")));
    for (int i = 0; i < 4; i++) {
      Thread.sleep(400); // reads keep it alive past the idle time...
      assertTrue(await(b.get("slack:T1:C1")).isPresent(), "read " + i);
    }
    Thread.sleep(1_100); // ...and silence forgets it
    assertEquals(Optional.empty(), await(a.get("slack:T1:C1")));
  }

  @Test
  void unreadableStoredStateStartsAfresh() throws Exception {
    await(nodeA.send(Request.cmd(Command.SET).arg(keys.conversation("c")).arg("{not json")));
    RedisConversationStore store = new RedisConversationStore(nodeA, keys, Duration.ofMinutes(1));
    assertEquals(Optional.empty(), await(store.get("c")));
  }

  @Test
  void aRateLimitIsSharedByNodes() throws Exception {
    RedisRateLimiter a = new RedisRateLimiter(vertx, nodeA, keys);
    RedisRateLimiter b = new RedisRateLimiter(vertx, nodeB, keys);
    List<Future<Void>> sends = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 6; i++) {
      sends.add(a.acquire("slack:C1", 5, Duration.ofSeconds(10)));
      sends.add(b.acquire("slack:C1", 5, Duration.ofSeconds(10)));
    }
    await(Future.all(sends));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;
    // 12 sends at 5 per second across both nodes need three one-second windows: at least the
    // whole middle one must pass
    assertTrue(elapsedMs >= 1_000, "12 sends at 5/s took only " + elapsedMs + " ms");
    assertTrue(elapsedMs < 4_000, "took " + elapsedMs + " ms");
  }

  @Test
  void aRateLimitGivesUpAfterTheCallersPatience() throws Exception {
    RedisRateLimiter a = new RedisRateLimiter(vertx, nodeA, keys);
    await(a.acquire("wa:1", 1, Duration.ofSeconds(5)));
    Throwable refused = a.acquire("wa:1", 1, Duration.ZERO).transform(ar -> Future.succeededFuture(ar.cause()))
        .await(5, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(refused instanceof RedisRateLimiter.RateLimitedException, String.valueOf(refused));
  }
}
