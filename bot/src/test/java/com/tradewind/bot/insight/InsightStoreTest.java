package com.tradewind.bot.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.logging.SecretMasker;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The insight store on its own: rates, votes, masking, and the journal across restarts and crashes. */
class InsightStoreTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private Vertx vertx;
  private Path file;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    file = Files.createTempDirectory("tradewind-insight-").resolve("insight/insight.jsonl");
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private InsightStore open() throws Exception {
    InsightStore store = new InsightStore(new JsonLinesJournal(vertx, file), new SecretMasker(List.of()), CLOCK);
    store.load(vertx).await(10, TimeUnit.SECONDS);
    return store;
  }

  private static TurnEvent event(TurnEvent.Outcome outcome, String intent, String question, String answerId,
      boolean handoff, String action) {
    List<SearchHit> hits = outcome == TurnEvent.Outcome.ANSWERED || outcome == TurnEvent.Outcome.NOT_ANSWERED
        ? List.of(new SearchHit("p1", "Tracking", "No updates", "buyer/en/tracking.md", "en", "t", "s", 2.5))
        : List.of();
    return new TurnEvent(NOW, "web", "c", "u", question, action, "en", intent, outcome, answerId, hits, handoff,
        Duration.ofMillis(12));
  }

  private static void flush(InsightStore store) throws Exception {
    store.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theFourSharesAlwaysPartitionTheRequests() throws Exception {
    InsightStore store = open();
    Random random = new Random(7);
    TurnEvent.Outcome[] outcomes = TurnEvent.Outcome.values();
    for (int i = 0; i < 500; i++) {
      TurnEvent.Outcome o = outcomes[random.nextInt(outcomes.length)];
      String id = o == TurnEvent.Outcome.ANSWERED ? String.format("%020x", i) : null;
      store.observed(event(o, random.nextBoolean() ? "knowledge" : "order_status", "q" + i, id,
          random.nextInt(10) == 0, null));
      if (id != null && random.nextBoolean()) {
        store.record(id, random.nextBoolean() ? FeedbackRecorder.Vote.HELPFUL : FeedbackRecorder.Vote.NOT_HELPFUL,
            "voter", "web");
      }
    }
    store.flushed().await(10, TimeUnit.SECONDS);
    JsonObject rates = store.summary(7).getJsonObject("rates");
    double sum = rates.getDouble("resolution") + rates.getDouble("answer") + rates.getDouble("handoff")
        + rates.getDouble("unanswered");
    assertEquals(1.0, sum, 1e-9, rates.encode());
    assertTrue(rates.getDouble("resolution") > 0 && rates.getDouble("handoff") > 0, rates.encode());
    flush(store);
  }

  @Test
  void votesAreKeptPerUserAndUnknownAnswersAreRefused() throws Exception {
    InsightStore store = open();
    String id = "0123456789abcdef0123";
    store.observed(event(TurnEvent.Outcome.ANSWERED, "knowledge", "where is my parcel", id, false, null));
    assertTrue(store.record(id, FeedbackRecorder.Vote.HELPFUL, "ana", "slack").await(5, TimeUnit.SECONDS));
    store.record(id, FeedbackRecorder.Vote.NOT_HELPFUL, "ana", "slack").await(5, TimeUnit.SECONDS); // changes her mind
    store.record(id, FeedbackRecorder.Vote.NOT_HELPFUL, "bo", "web").await(5, TimeUnit.SECONDS);
    assertEquals(0, store.votes(id)[0]);
    assertEquals(2, store.votes(id)[1]);
    assertFalse(store.record("ffffffffffffffffffff", FeedbackRecorder.Vote.HELPFUL, "ana", "web")
        .await(5, TimeUnit.SECONDS));
    assertNull(store.votes("ffffffffffffffffffff"));
    assertEquals(1, store.groups().size(), "a down-voted answer is a gap");
    assertEquals(1, store.groups().getFirst().downvoted());
    flush(store);
  }

  @Test
  void questionsAreStoredMaskedAndATornLastLineIsSkipped() throws Exception {
    InsightStore store = open();
    store.observed(event(TurnEvent.Outcome.NOT_ANSWERED, "knowledge", "call me at +55 11 91234-5678 about it", null,
        false, null));
    store.observed(event(TurnEvent.Outcome.REPLIED, "greeting", "hi", null, false, null));
    flush(store);
    String journal = Files.readString(file);
    assertFalse(journal.contains("91234-5678"), journal);
    // a crash in the middle of a write leaves half a line
    Files.writeString(file, "{\"t\":\"turn\",\"at\":\"2026-11-28T12:0", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    InsightStore again = open();
    assertEquals(2, again.summary(1).getJsonObject("totals").getLong("messages"));
    assertEquals(1, again.groups().size());
    assertTrue(again.groups().getFirst().label().contains("****"));
    flush(again);
  }
}
