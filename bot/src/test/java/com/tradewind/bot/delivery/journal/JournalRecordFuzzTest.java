package com.tradewind.bot.delivery.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Property-based fuzzing of the journal record decoder, which reads whatever a crash or a bad
 * disk left behind: 100,000 inputs per property, from a fixed seed.
 */
class JournalRecordFuzzTest {

  private static final String SEED = "20261128";

  @Property(seed = SEED)
  void randomBytesAreARecordATornTailOrCorruptNeverAnythingElse(@ForAll @Size(max = 300) byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      JournalRecord record = JournalRecord.decode(in);
      if (record == null) {
        assertEquals(0, in.position(), "a torn record leaves the position at its start");
      } else {
        assertEquals(record.encode().length, in.position(), "a record is consumed exactly");
      }
    } catch (JournalCorruptException e) {
      assertEquals(0, in.position(), "corruption leaves the position at the record");
    }
  }

  @Property(seed = SEED)
  void recordsRoundTrip(@ForAll("records") JournalRecord record) {
    byte[] bytes = record.encode();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    assertEquals(record, JournalRecord.decode(in));
    assertEquals(bytes.length, in.position());
  }

  @Property(seed = SEED)
  void aFlippedBitIsNeverReadAsARecord(@ForAll("records") JournalRecord record, @ForAll @IntRange(min = 0) int where) {
    byte[] bytes = record.encode();
    int bit = where % (bytes.length * 8);
    bytes[bit / 8] ^= (byte) (1 << (bit % 8));
    try {
      assertNull(JournalRecord.decode(ByteBuffer.wrap(bytes)), "bit " + bit + " flipped, yet a record was read");
    } catch (JournalCorruptException expected) {
      // detected
    }
  }

  @Property(seed = SEED)
  void everyPrefixOfARecordIsATornTail(@ForAll("records") JournalRecord record, @ForAll @IntRange(min = 0) int cut) {
    byte[] bytes = record.encode();
    int length = cut % bytes.length;
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    assertNull(JournalRecord.decode(in));
    assertEquals(0, in.position());
  }

  @Provide
  Arbitrary<JournalRecord> records() {
    Arbitrary<JsonObject> body = Combinators.combine(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.longs())
        .as((id, text, n) -> new JsonObject().put("id", id).put("payload", new JsonObject().put("text", text))
            .put("expiresAt", n));
    return Combinators.combine(Arbitraries.of(JournalRecord.Type.class), body).as(JournalRecord::new);
  }

  @Property(seed = SEED, tries = 500)
  void replayOfAJournalWithGarbageAppendedKeepsTheGoodRecords(@ForAll @Size(max = 200) byte[] garbage)
      throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("journal-fuzz");
    try {
      byte[] good = JournalState.offer(new com.tradewind.bot.delivery.InboundMessage("m1", "slack",
          java.util.List.of("k1"), "c1", new JsonObject(), null), Long.MAX_VALUE).encode();
      byte[] file = new byte[good.length + garbage.length];
      System.arraycopy(good, 0, file, 0, good.length);
      System.arraycopy(garbage, 0, file, good.length, garbage.length);
      java.nio.file.Files.write(dir.resolve(JournalFile.NAME), file);
      JournalState state = new JournalState();
      try (JournalFile journal = JournalFile.open(dir, state, JournalState.KeySink.IGNORE, 0, 1, 2,
          CompactionSteps.NONE)) {
        assertTrue(state.pending().stream().anyMatch(m -> m.id().equals("m1")));
        assertTrue(journal.size() >= good.length);
      }
    } finally {
      try (var files = java.nio.file.Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
