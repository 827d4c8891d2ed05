package com.tradewind.bot.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.logging.SecretMasker;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode: two nodes share the insight history through PostgreSQL (127.0.0.1:5432, database
 * {@code test}, as in CI); each sees the other's answers, votes and gaps, and a restarted node
 * replays them all. Skipped when no PostgreSQL answers, except in CI.
 */
class PostgresJournalTest {

  static final String URI = System.getProperty("tradewind.test.postgres", "postgresql://postgres@127.0.0.1:5432/test");
  private static final String TABLE = "tradewind_insight_test_" + Long.toHexString(System.nanoTime());
  private static Vertx vertx;
  private static boolean available;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    Pool probe = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(vertx).build();
    try {
      probe.query("SELECT 1").execute().await(5, TimeUnit.SECONDS);
      available = true;
    } catch (Exception e) {
      available = false;
    } finally {
      probe.close();
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (available) {
      Pool pool = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(URI)).using(vertx).build();
      pool.query("DROP TABLE IF EXISTS " + TABLE).execute().await(10, TimeUnit.SECONDS);
      pool.close();
    }
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static InsightStore node() throws Exception {
    PostgresJournal journal = new PostgresJournal(vertx, URI, TABLE);
    journal.init().await(10, TimeUnit.SECONDS);
    InsightStore store = new InsightStore(journal, new SecretMasker(List.of()), Clock.systemUTC());
    store.load(vertx).await(30, TimeUnit.SECONDS);
    return store;
  }

  private static TurnEvent event(TurnEvent.Outcome outcome, String question, String answerId) {
    return new TurnEvent(Instant.now(), "web", "c", "u", question, null, "en", "knowledge", outcome, answerId,
        List.of(new SearchHit("p1", "Tracking", "No updates", "buyer/en/tracking.md", "en", "t", "s", 2.5)), false,
        Duration.ofMillis(9));
  }

  @Test
  void twoNodesShareAnswersVotesAndGaps() throws Exception {
    assumeTrue(available || "true".equals(System.getenv("CI")), "no PostgreSQL at " + URI);
    InsightStore a = node();
    InsightStore b = node();
    String id = "00000000000000000abc";
    a.observed(event(TurnEvent.Outcome.ANSWERED, "where is my parcel", id));
    b.observed(event(TurnEvent.Outcome.NOT_ANSWERED, "warranty for drones in Antarctica?", null));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline && (b.votes(id) == null || a.groups().isEmpty())) {
      Thread.sleep(100); // each node follows the table every 2 s
    }
    assertEquals(List.of(0, 0), List.of(b.votes(id)[0], b.votes(id)[1]), "node b knows node a's answer");
    assertTrue(b.record(id, FeedbackRecorder.Vote.NOT_HELPFUL, "ana", "slack").await(10, TimeUnit.SECONDS));
    while (System.nanoTime() < deadline && a.votes(id)[1] == 0) {
      Thread.sleep(100);
    }
    assertEquals(1, a.votes(id)[1], "node a sees the vote cast on node b");
    // the down-voted answer and b's unanswered question found the same passage: one group
    assertEquals(1, a.groups().size());
    assertEquals(1, a.groups().getFirst().downvoted());
    assertEquals(1, a.groups().getFirst().unanswered());
    assertEquals(2, a.summary(1).getJsonObject("totals").getLong("messages"));
    a.close().await(10, TimeUnit.SECONDS);
    InsightStore restarted = node();
    assertEquals(2, restarted.summary(1).getJsonObject("totals").getLong("messages"));
    assertEquals(1, restarted.votes(id)[1]);
    restarted.close().await(10, TimeUnit.SECONDS);
    b.close().await(10, TimeUnit.SECONDS);
  }
}
