package com.tradewind.bot.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/** The journal's promise at shutdown: what was appended before close is on disk once close completes. */
class JsonLinesJournalTest {

  @TempDir
  Path dir;
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @RepeatedTest(20)
  void closeWaitsForEveryRecordAppendedBeforeIt(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
    Path file = dir.resolve("insight.jsonl");
    JsonLinesJournal journal = new JsonLinesJournal(vertx, file);
    // a few records and at once a close (the insight store at shutdown), or many
    int count = repetition.getCurrentRepetition() % 2 == 0 ? 2 : 2_000;
    for (int i = 0; i < count; i++) {
      journal.append(new JsonObject().put("n", i)); // not awaited, as the insight store does for turns
    }
    journal.close().await(10, TimeUnit.SECONDS);
    List<JsonObject> read = new ArrayList<>();
    new JsonLinesJournal(vertx, file).replay(read::add);
    assertEquals(count, read.size(), "records on disk when close completed");
    for (int i = 0; i < read.size(); i++) {
      assertEquals(i, read.get(i).getInteger("n"), "records in the order they were appended");
    }
    assertEquals(count, Files.readAllLines(file).size());
  }
}
