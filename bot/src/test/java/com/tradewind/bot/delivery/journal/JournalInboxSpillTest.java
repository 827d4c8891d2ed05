package com.tradewind.bot.delivery.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The journal inbox with its dedupe keys moved to key files: bounded heap, nothing forgotten. */
@ExtendWith(VertxExtension.class)
class JournalInboxSpillTest {

  @TempDir
  Path dir;

  private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20));
  /** Small tables: a segment is sealed every 500 keys. */
  private static final int MEMORY_KEYS = 1_000;

  private JournalOptions options() {
    return JournalOptions.defaults(dir).withRetry(FAST).withMemoryKeys(MEMORY_KEYS).withMaxKeyFiles(4);
  }

  private static InboundMessage message(String channel, int n) {
    return new InboundMessage("m" + n, channel, List.of(channel + ":event:" + n, channel + ":msg:" + n), "c" + (n % 7),
        new JsonObject().put("text", "hello " + n), Instant.parse("2026-11-28T10:00:00Z"));
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(5);
    }
  }

  private static JournalInbox open(Vertx vertx, JournalOptions options, Clock clock) throws Exception {
    JournalInbox inbox = JournalInbox.open(vertx, options, clock).await(20, TimeUnit.SECONDS);
    inbox.process("slack", m -> Future.succeededFuture());
    inbox.process("whatsapp", m -> Future.succeededFuture());
    return inbox;
  }

  /**
   * Counted, not timed: 10,000 messages (20,000 keys) through tables sized for 1,000 keys. The
   * tables never reallocate, the keys on the heap stay near the bound after every offer, and every
   * message offered again is a duplicate, most of them found in the key files.
   */
  @Test
  void theHeapTablesStayBoundedWhileManyKeysArrive(Vertx vertx) throws Exception {
    JournalInbox inbox = open(vertx, options(), Clock.systemUTC());
    long heap = inbox.dedupeHeapBytes();
    assertTrue(heap <= 2 * 24 * 1024, "two tables of 1,024 slots: " + heap);
    int most = 0;
    int messages = 10_000;
    for (int n = 0; n < messages; n++) {
      assertTrue(await(inbox.offer(message("whatsapp", n))));
      most = Math.max(most, inbox.dedupeKeys());
      assertEquals(heap, inbox.dedupeHeapBytes(), "the tables were reallocated at message " + n);
    }
    // A table of 1,024 slots would grow past 768 keys; a segment is sealed at 500, a compaction spills it meanwhile.
    assertTrue(most <= 2 * 768, "keys on the heap at most " + most);
    eventually(() -> inbox.compactions() >= 2 * messages / MEMORY_KEYS - 2);
    assertTrue(inbox.keyFiles() <= 4 + 1, "merged down to the limit (one more while a merge runs): " + inbox.keyFiles());
    for (int n = 0; n < messages; n++) {
      assertFalse(await(inbox.offer(message("whatsapp", n))), "message " + n + " offered again");
    }
    assertTrue(inbox.spilledDuplicates() >= messages - MEMORY_KEYS, "found in the key files: " + inbox.spilledDuplicates());
    assertEquals(messages, inbox.counters().recorded());
    await(inbox.close());
  }

  @Test
  void aSpilledKeyIsStillADuplicateAfterARestartAndStartUpLeavesItOnDisk(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx, options(), Clock.systemUTC());
    for (int n = 0; n < 3_000; n++) {
      assertTrue(await(first.offer(message("whatsapp", n))));
    }
    eventually(() -> first.compactions() >= 4 && first.counters().answered() == 3_000);
    await(first.close());

    JournalInbox second = open(vertx, options(), Clock.systemUTC());
    assertTrue(second.keyFiles() >= 1);
    assertTrue(second.dedupeKeys() <= MEMORY_KEYS, "start-up put only the keys of the last segment on the heap: "
        + second.dedupeKeys());
    assertTrue(second.spilledKeys() >= 2 * 3_000 - MEMORY_KEYS, "the rest are on disk: " + second.spilledKeys());
    assertFalse(await(second.offer(message("whatsapp", 0))), "the first message's keys were spilled long ago");
    for (int n = 0; n < 3_000; n += 13) {
      assertFalse(await(second.offer(message("whatsapp", n))), "message " + n);
    }
    assertTrue(second.spilledDuplicates() > 0);
    assertTrue(await(second.offer(message("whatsapp", 3_000))), "a new message is new");
    await(second.close());
  }

  /**
   * Slack retries an event three times within minutes, Meta for days: Slack keys are kept for
   * {@code slackDedupeFor}, in memory and in the key files, WhatsApp keys for {@code dedupeFor}.
   */
  @Test
  void slackKeysExpireLongBeforeWhatsAppKeys(Vertx vertx) throws Exception {
    JournalInboxTest.MutableClock clock = new JournalInboxTest.MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    JournalOptions options = options().withSlackDedupeFor(Duration.ofHours(1)).withDedupeFor(Duration.ofDays(7));
    JournalInbox first = open(vertx, options, clock);
    for (int n = 0; n < 1_500; n++) {
      assertTrue(await(first.offer(message(n % 2 == 0 ? "slack" : "whatsapp", n))));
    }
    eventually(() -> first.compactions() >= 2 && first.counters().answered() == 1_500);
    assertFalse(await(first.offer(message("slack", 0))), "a Slack retry minutes later");
    await(first.close());

    clock.advance(Duration.ofMinutes(61));
    JournalInbox second = open(vertx, options, clock);
    List<Integer> slackNew = new ArrayList<>();
    for (int n = 0; n < 1_500; n++) {
      boolean slack = n % 2 == 0;
      boolean recorded = await(second.offer(message(slack ? "slack" : "whatsapp", n)));
      if (slack && recorded) {
        slackNew.add(n);
      }
      if (!slack) {
        assertFalse(recorded, "WhatsApp message " + n + " an hour later is still a duplicate");
      }
    }
    assertEquals(750, slackNew.size(), "every Slack key expired after an hour, spilled or not");
    await(second.close());
  }

  @Test
  void aDamagedKeyFileStopsTheStartWithItsNameAndWhatToDo(Vertx vertx) throws Exception {
    JournalInbox first = open(vertx, options(), Clock.systemUTC());
    for (int n = 0; n < 800; n++) {
      assertTrue(await(first.offer(message("whatsapp", n))));
    }
    eventually(() -> first.keyFiles() >= 1);
    await(first.close());
    Path file;
    try (var listing = Files.list(dir)) {
      file = listing.filter(p -> p.getFileName().toString().endsWith(".keys")).findFirst().orElseThrow();
    }
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 1000));
    Throwable refused = JournalInbox.open(vertx, options(), Clock.systemUTC())
        .transform(ar -> Future.succeededFuture(ar.cause())).await(10, TimeUnit.SECONDS);
    assertTrue(refused instanceof JournalUnavailableException, String.valueOf(refused));
    assertEquals(JournalUnavailableException.Reason.CORRUPT, ((JournalUnavailableException) refused).reason());
    assertTrue(refused.getMessage().contains(file.getFileName().toString()), refused.getMessage());
    assertTrue(refused.getMessage().contains("move that file"), refused.getMessage());
    // The folder is not left locked: moving the file away lets the inbox start.
    Files.move(file, Files.createDirectories(dir.resolve("moved-away")).resolve(file.getFileName()));
    JournalInbox third = open(vertx, options(), Clock.systemUTC());
    await(third.close());
  }

  @Test
  void aJournalOfAnEarlierVersionWithEveryKeyInTheBaseIsConvertedOnce(Vertx vertx) throws Exception {
    Files.createDirectories(dir);
    JsonObject keys = new JsonObject();
    long until = Instant.now().plus(Duration.ofDays(3)).toEpochMilli();
    for (int n = 0; n < 2_000; n++) {
      keys.put("wa:old:" + n, until);
    }
    Files.write(dir.resolve(JournalFile.BASE),
        new JournalRecord(JournalRecord.Type.KEYS, new JsonObject().put("keys", keys)).encode());
    JournalInbox inbox = open(vertx, options(), Clock.systemUTC());
    assertEquals(0, inbox.dedupeKeys(), "the base's keys went to a key file, not the heap");
    assertEquals(1, inbox.keyFiles());
    assertEquals(2_000, inbox.spilledKeys());
    InboundMessage old = new InboundMessage("x", "whatsapp", List.of("wa:old:1234"), "c", new JsonObject(), Instant.now());
    assertFalse(await(inbox.offer(old)));
    await(inbox.close());
  }
}
