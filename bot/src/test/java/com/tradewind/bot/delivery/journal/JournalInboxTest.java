package com.tradewind.bot.delivery.journal;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class JournalInboxTest {

  @TempDir
  Path dir;

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));

  static InboundMessage message(String id, String conversation, String... keys) {
    return new InboundMessage(id, "test", List.of(keys), conversation, new JsonObject().put("text", "hello " + id),
        Instant.parse("2026-11-28T10:00:00Z"));
  }

  private JournalInbox open(Vertx vertx) throws Exception {
    return open(vertx, JournalOptions.defaults(dir).withRetry(FAST), Clock.systemUTC());
  }

  private static JournalInbox open(Vertx vertx, JournalOptions options, Clock clock) throws Exception {
    return JournalInbox.open(vertx, options, clock).await(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void afterACrashOnlyTheUnansweredMessagesAreProcessedAgain(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    List<String> firstRun = new CopyOnWriteArrayList<>();
    first.process("test", m -> {
      firstRun.add(m.id());
      // "b" is in the middle of its reply when the process dies
      return m.id().equals("b") ? Promise.<Void>promise().future() : Future.succeededFuture();
    });
    assertTrue(await(first.offer(message("a", "c1", "k:a"))));
    assertTrue(await(first.offer(message("b", "c2", "k:b"))));
    assertTrue(await(first.offer(message("c", "c3", "k:c"))));
    eventually(() -> firstRun.size() == 3 && first.counters().answered() == 2 && first.journalRecords() == 5);
    await(first.crash());

    JournalInbox second = open(vertx);
    assertEquals(1, second.counters().recovered());
    List<InboundMessage> secondRun = new CopyOnWriteArrayList<>();
    second.process("test", m -> {
      secondRun.add(m);
      return Future.succeededFuture();
    });
    eventually(() -> second.counters().answered() == 1);
    await(second.close());
    assertEquals(List.of("b"), secondRun.stream().map(InboundMessage::id).toList());
    assertEquals(message("b", "c2", "k:b"), secondRun.get(0), "the whole message survives the restart");

    JournalInbox third = open(vertx);
    assertEquals(0, third.counters().recovered(), "answered after the restart: not replayed again");
    await(third.close());
  }

  @Test
  void aLoneSurrogateInAPayloadSurvivesTheJournal(Vertx vertx) throws Exception {
    // found by JournalRecordFuzzTest: UTF-8 encoding turned a cut emoji into '?'
    InboundMessage cut = new InboundMessage("s", "test", List.of("k:s"), "c",
        new JsonObject().put("text", "hi \uD83D"), Instant.parse("2026-11-28T10:00:00Z"));
    JournalInbox first = open(vertx);
    assertTrue(await(first.offer(cut)));
    await(first.crash());
    JournalInbox second = open(vertx);
    List<InboundMessage> replayed = new CopyOnWriteArrayList<>();
    second.process("test", m -> {
      replayed.add(m);
      return Future.succeededFuture();
    });
    eventually(() -> replayed.size() == 1);
    await(second.close());
    assertEquals(cut, replayed.get(0));
  }

  @Test
  void messagesRecordedBeforeTheProcessorIsSetWaitForIt(Vertx vertx) throws Exception {
    JournalInbox inbox = open(vertx);
    assertTrue(await(inbox.offer(message("a", "c1", "k:a"))));
    List<String> processed = new CopyOnWriteArrayList<>();
    inbox.process("test", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    assertTrue(await(inbox.offer(message("b", "c1", "k:b"))));
    eventually(() -> processed.size() == 2);
    await(inbox.close());
    assertEquals(List.of("a", "b"), processed);
  }

  @Test
  void dedupeKeysSurviveARestartUntilTheyExpire(Vertx vertx) throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    JournalOptions options = JournalOptions.defaults(dir).withRetry(FAST).withDedupeFor(Duration.ofDays(7));
    JournalInbox first = open(vertx, options, clock);
    first.process("test", m -> Future.succeededFuture());
    assertTrue(await(first.offer(message("wamid.1", "c1", "wa:wamid.1", "wa:alt.1"))));
    await(first.close());

    JournalInbox second = open(vertx, options, clock);
    second.process("test", m -> Future.succeededFuture());
    clock.advance(Duration.ofDays(6));
    assertFalse(await(second.offer(message("wamid.1", "c1", "wa:wamid.1"))), "Meta redelivers after a restart");
    assertFalse(await(second.offer(message("other", "c1", "wa:alt.1"))), "any of the keys counts");
    await(second.close());

    clock.advance(Duration.ofDays(1).plusMinutes(1));
    JournalInbox third = open(vertx, options, clock);
    third.process("test", m -> Future.succeededFuture());
    assertTrue(await(third.offer(message("wamid.1", "c1", "wa:wamid.1"))), "forgotten after 7 days");
    assertEquals(1, third.counters().recorded());
    await(third.close());
  }

  @Test
  void aTornLastRecordIsCutOffAndEverythingBeforeItKept(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    assertTrue(await(first.offer(message("a", "c1", "k:a"))));
    assertTrue(await(first.offer(message("b", "c2", "k:b"))));
    await(first.crash());
    Path journal = dir.resolve(JournalFile.NAME);
    long intact = Files.size(journal);
    byte[] next = JournalState.offer(message("torn", "c3", "k:torn"), Long.MAX_VALUE).encode();
    Files.write(journal, Arrays.copyOf(next, next.length - 7), StandardOpenOption.APPEND); // died mid-write

    JournalInbox second = open(vertx);
    assertEquals(next.length - 7, second.droppedTailBytes());
    assertEquals(intact, Files.size(journal));
    assertEquals(2, second.counters().recovered());
    assertTrue(await(second.offer(message("torn", "c3", "k:torn"))), "never acknowledged, so new when redelivered");
    List<String> processed = new CopyOnWriteArrayList<>();
    second.process("test", m -> {
      processed.add(m.id());
      return Future.succeededFuture();
    });
    eventually(() -> processed.size() == 3);
    await(second.close());

    JournalInbox third = open(vertx);
    assertEquals(0, third.droppedTailBytes(), "appends after the cut are readable");
    assertEquals(0, third.counters().recovered());
    await(third.close());
  }

  @Test
  void garbageInsteadOfARecordIsCutOffToo(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    assertTrue(await(first.offer(message("a", "c1", "k:a"))));
    await(first.crash());
    byte[] garbage = new byte[100];
    new java.util.Random(7).nextBytes(garbage);
    Files.write(dir.resolve(JournalFile.NAME), garbage, StandardOpenOption.APPEND);
    JournalInbox second = open(vertx);
    assertEquals(100, second.droppedTailBytes());
    assertEquals(1, second.counters().recovered());
    await(second.close());
  }

  @Test
  void concurrentOffersShareFsyncs(Vertx vertx) throws Exception {
    JournalInbox inbox = open(vertx);
    inbox.process("test", m -> Future.succeededFuture());
    int n = 2000;
    long fsyncsBefore = inbox.fsyncs();
    List<Future<Boolean>> offers = new ArrayList<>();
    // offered from the event loop at once, as concurrent webhook requests would be
    vertx.runOnContext(v -> {
      for (int i = 0; i < n; i++) {
        offers.add(inbox.offer(message("m" + i, "c" + (i % 50), "k:" + i)));
      }
    });
    eventually(() -> offers.size() == n);
    assertTrue(await(Future.all(offers)).list().stream().allMatch(Boolean.TRUE::equals));
    long fsyncs = inbox.fsyncs() - fsyncsBefore;
    System.out.printf("group commit: %d offers, %d fsyncs (%.1f records per fsync)%n", n, fsyncs, (double) n / fsyncs);
    assertTrue(fsyncs <= n / 10, "expected batches of 10+ records, got " + fsyncs + " fsyncs for " + n + " offers");
    eventually(() -> inbox.counters().answered() == n);
    await(inbox.close());
  }

  @Test
  void aConversationIsProcessedInArrivalOrderAcrossARestart(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    for (int i = 0; i < 20; i++) {
      assertTrue(await(first.offer(message("old" + i, "c" + (i % 2), "k:old" + i))));
    }
    await(first.crash()); // no processor ever ran: all 20 are unanswered

    JournalInbox second = open(vertx);
    List<String> order = new CopyOnWriteArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    second.process("test", m -> {
      if (m.conversation().equals("c0") && running.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      order.add(m.conversation() + ":" + m.id());
      // slow replies so later messages pile up behind earlier ones
      return vertx.timer(2).<Void>mapEmpty().onComplete(ar -> {
        if (m.conversation().equals("c0")) {
          running.decrementAndGet();
        }
      });
    });
    for (int i = 0; i < 10; i++) {
      assertTrue(await(second.offer(message("new" + i, "c0", "k:new" + i))));
    }
    eventually(() -> second.counters().answered() == 30);
    await(second.close());
    List<String> c0 = order.stream().filter(s -> s.startsWith("c0:")).map(s -> s.substring(3)).toList();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i += 2) {
      expected.add("old" + i);
    }
    for (int i = 0; i < 10; i++) {
      expected.add("new" + i);
    }
    assertEquals(expected, c0);
    assertEquals(0, overlaps.get(), "one message of a conversation at a time");
  }

  @Test
  void failuresAreRetriedThenRecordedAsFailedAndNotReplayed(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    AtomicInteger flakyCalls = new AtomicInteger();
    first.process("test", m -> switch (m.id()) {
      case "flaky" -> flakyCalls.incrementAndGet() < 3 ? Future.failedFuture("backend timeout") : Future.succeededFuture();
      case "broken" -> Future.failedFuture("always");
      default -> Future.succeededFuture();
    });
    assertTrue(await(first.offer(message("flaky", "c1", "k:flaky"))));
    assertTrue(await(first.offer(message("broken", "c2", "k:broken"))));
    eventually(() -> first.counters().answered() == 1 && first.counters().failed() == 1);
    await(first.close());
    assertEquals(3, flakyCalls.get());
    assertEquals(2 + 2, first.counters().retries());

    JournalInbox second = open(vertx);
    assertEquals(0, second.counters().recovered(), "a failed message is recorded as failed, not retried forever");
    await(second.close());
  }

  @Test
  void closingDuringABackoffHandsTheMessageBack(Vertx vertx) throws Exception {
    RetryPolicy slow = new RetryPolicy(5, Duration.ofHours(1), Duration.ofHours(1));
    JournalInbox first = open(vertx, JournalOptions.defaults(dir).withRetry(slow), Clock.systemUTC());
    first.process("test", m -> Future.failedFuture("down"));
    assertTrue(await(first.offer(message("a", "c1", "k:a"))));
    eventually(() -> first.counters().retries() == 1);
    long started = System.nanoTime();
    await(first.close());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "close does not wait out the backoff");
    JournalInbox second = open(vertx);
    assertEquals(1, second.counters().recovered());
    await(second.close());
  }

  @Test
  void compactionKeepsPendingMessagesAndKeysAndShrinksTheJournal(Vertx vertx) throws Exception {
    JournalOptions options = JournalOptions.defaults(dir).withRetry(FAST).withCompactBytes(16 * 1024);
    JournalInbox first = open(vertx, options, Clock.systemUTC());
    first.process("test", m -> m.id().startsWith("stuck") ? Promise.<Void>promise().future() : Future.succeededFuture());
    for (int i = 0; i < 400; i++) {
      assertTrue(await(first.offer(message("m" + i, "c" + i, "k:" + i))));
    }
    assertTrue(await(first.offer(message("stuck", "s", "k:stuck"))));
    eventually(() -> first.counters().answered() == 400 && first.journalRecords() == 801);
    eventually(() -> first.compactions() > 0);
    await(first.crash());
    assertTrue(journalBytes() < 64 * 1024, "journal files: " + journalBytes() + " bytes");

    JournalInbox second = open(vertx, options, Clock.systemUTC());
    assertEquals(1, second.counters().recovered(), "the unanswered message survived compaction");
    second.process("test", m -> Future.succeededFuture());
    for (int i = 0; i < 400; i += 37) {
      assertFalse(await(second.offer(message("m" + i, "c" + i, "k:" + i))), "key " + i + " survived compaction");
    }
    await(second.close());
  }

  private long journalBytes() throws java.io.IOException {
    long total = 0;
    for (String name : List.of(JournalFile.BASE, JournalFile.SEALED, JournalFile.NAME)) {
      Path p = dir.resolve(name);
      total += Files.exists(p) ? Files.size(p) : 0;
    }
    return total;
  }

  @Test
  void offersAreAcknowledgedWhileACompactionRuns(Vertx vertx) throws Exception {
    JournalOptions options = JournalOptions.defaults(dir).withRetry(FAST).withCompactBytes(16 * 1024);
    JournalInbox first = open(vertx, options, Clock.systemUTC());
    java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    first.compactionSteps(step -> {
      if (step == CompactionSteps.Step.BASE_WRITTEN) {
        holding.countDown();
        try {
          release.await(); // a compaction as slow as we like: nothing below may wait for it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    first.process("test", m -> m.id().startsWith("stuck") ? Promise.<Void>promise().future() : Future.succeededFuture());
    assertTrue(await(first.offer(message("stuck", "s", "k:stuck"))));
    int i = 0;
    while (holding.getCount() > 0) {
      assertTrue(await(first.offer(message("m" + i, "c" + i, "k:" + i))));
      i++;
      assertTrue(i < 10_000, "a compaction started");
    }
    int beforeCompaction = i;
    for (int n = 0; n < 300; n++, i++) {
      assertTrue(await(first.offer(message("m" + i, "c" + i, "k:" + i))), "acknowledged while the compaction is held");
    }
    int offered = i;
    eventually(() -> first.counters().answered() == offered);
    assertEquals(0, first.compactions(), "the compaction is still held");
    assertTrue(Files.exists(dir.resolve(JournalFile.SEALED)));
    release.countDown();
    eventually(() -> first.compactions() == 1);
    await(first.crash());

    JournalInbox second = open(vertx, options, Clock.systemUTC());
    List<String> recovered = new CopyOnWriteArrayList<>();
    second.process("test", m -> {
      recovered.add(m.id());
      return Future.succeededFuture();
    });
    eventually(() -> recovered.size() == 1);
    assertEquals(List.of("stuck"), recovered);
    for (int n = 0; n < offered; n += 17) {
      assertFalse(await(second.offer(message("m" + n, "c" + n, "k:" + n))), "key " + n + " of " + beforeCompaction
          + " offered before the compaction");
    }
    assertTrue(second.dedupeKeys() < offered + 1, "only the keys of the segment appended since the compaction are on"
        + " the heap, the others in a key file: " + second.dedupeKeys() + " of " + (offered + 1));
    assertTrue(second.keyFiles() >= 1);
    await(second.close());
  }

  /**
   * A compaction stopped at each point a crash could interrupt it (the files left as they are,
   * the process gone), spilling its keys and merging key files included: after the restart
   * exactly the unanswered messages are processed, and every key, from a key file, the base, the
   * sealed segment or the segment appended since, is still a duplicate.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(CompactionSteps.Step.class)
  void aCrashAtAnyPointOfACompactionLosesNothingAndRepeatsNothing(CompactionSteps.Step crashAt, Vertx vertx)
      throws Exception {
    // One key file at most: the second compaction merges its file with the first one's.
    JournalOptions options = JournalOptions.defaults(dir).withRetry(FAST).withCompactBytes(8 * 1024).withMaxKeyFiles(1);
    JournalInbox first = open(vertx, options, Clock.systemUTC());
    List<CompactionSteps.Step> reached = new CopyOnWriteArrayList<>();
    AtomicInteger compactionsStarted = new AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean killed = new java.util.concurrent.atomic.AtomicBoolean();
    first.compactionSteps(step -> {
      reached.add(step);
      if (step == CompactionSteps.Step.STARTED && compactionsStarted.incrementAndGet() == 1) {
        return; // the first compaction completes, so there is a base and a key file to fold into
      }
      if (step == crashAt && compactionsStarted.get() > 1) {
        killed.set(true);
        throw new IllegalStateException("killed at " + step);
      }
    });
    first.process("test", m -> m.id().startsWith("stuck") ? Promise.<Void>promise().future() : Future.succeededFuture());
    List<String> stuck = new ArrayList<>();
    int i = 0;
    while (compactionsStarted.get() < 2 || i < 600) {
      String id = i % 50 == 7 ? "stuck" + i : "m" + i;
      if (id.startsWith("stuck")) {
        stuck.add(id);
      }
      assertTrue(await(first.offer(message(id, "c" + i, "k:" + i))));
      i++;
      assertTrue(i < 20_000, "two compactions started");
    }
    int offered = i;
    eventually(() -> first.counters().answered() == offered - stuck.size());
    eventually(killed::get);
    await(first.crash());
    boolean merging = crashAt == CompactionSteps.Step.MERGE_WRITTEN || crashAt == CompactionSteps.Step.MERGE_RENAMED;
    if (merging) {
      assertTrue(first.compactions() >= 2, "the second compaction completed before its merge");
    } else {
      assertEquals(1, first.compactions(), "only the first compaction completed");
      assertTrue(Files.exists(dir.resolve(JournalFile.SEALED)), "the sealed segment is still there");
    }
    assertEquals(crashAt == CompactionSteps.Step.BASE_WRITTEN, Files.exists(dir.resolve(JournalFile.BASE + ".tmp")));
    boolean tmpKeys = crashAt == CompactionSteps.Step.SPILL_WRITTEN || crashAt == CompactionSteps.Step.MERGE_WRITTEN;
    assertEquals(tmpKeys, keyFiles().stream().anyMatch(n -> n.endsWith(".tmp")), "key files: " + keyFiles());
    if (crashAt == CompactionSteps.Step.MERGE_RENAMED) {
      assertTrue(keyFiles().size() >= 3, "the merged file and both inputs: " + keyFiles());
    }

    JournalInbox second = open(vertx, options, Clock.systemUTC());
    assertFalse(Files.exists(dir.resolve(JournalFile.BASE + ".tmp")), "an unfinished base is deleted");
    assertTrue(keyFiles().stream().noneMatch(n -> n.endsWith(".tmp")), "unfinished key files are deleted: " + keyFiles());
    List<String> recovered = new CopyOnWriteArrayList<>();
    second.process("test", m -> {
      recovered.add(m.id());
      return Future.succeededFuture();
    });
    eventually(() -> recovered.size() >= stuck.size());
    assertEquals(stuck, recovered, "exactly the unanswered messages, in order");
    for (int n = 0; n < offered; n++) {
      String id = n % 50 == 7 ? "stuck" + n : "m" + n;
      assertFalse(await(second.offer(message(id, "c" + n, "k:" + n))), "key " + n + " is a duplicate");
    }
    assertTrue(await(second.offer(message("new", "c", "k:new"))));
    eventually(() -> second.counters().answered() == stuck.size() + 1);
    await(second.close());

    JournalInbox third = open(vertx, options, Clock.systemUTC());
    assertEquals(0, third.counters().recovered(), "the restart's compactions kept what was answered answered");
    await(third.close());
  }

  private List<String> keyFiles() throws java.io.IOException {
    try (var listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dedupe-")).sorted().toList();
    }
  }

  @Test
  void aSecondProcessOnTheSameFolderIsRefused(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx);
    Throwable refused = JournalInbox.open(vertx, JournalOptions.defaults(dir), Clock.systemUTC())
        .transform(ar -> Future.succeededFuture(ar.cause())).await(10, TimeUnit.SECONDS);
    assertTrue(refused instanceof JournalUnavailableException, String.valueOf(refused));
    assertEquals(JournalUnavailableException.Reason.LOCKED, ((JournalUnavailableException) refused).reason());
    assertTrue(refused.getMessage().contains("another Tradewind process"), refused.getMessage());
    await(first.close());
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
