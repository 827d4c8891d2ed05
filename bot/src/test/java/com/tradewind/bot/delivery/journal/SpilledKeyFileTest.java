package com.tradewind.bot.delivery.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilledKeyFileTest {

  @TempDir
  Path dir;

  private record Key(long hi, long lo) {}

  /** Writes {@code keys} as spill 1 and opens the file. */
  private SpilledKeyFile write(Map<Key, Long> keys) throws IOException {
    SortedKeys sorted = new SortedKeys();
    keys.forEach((k, until) -> sorted.add(k.hi(), k.lo(), until));
    Path target = dir.resolve(SpilledKeyFile.name(1, 1));
    SpilledKeyFile.write(target, sorted.sortDistinctLive(0));
    return SpilledKeyFile.open(target);
  }

  @Test
  void everyKeyIsFoundWithItsExpiryAndOthersAreNot() throws IOException {
    Random random = new Random(42);
    Map<Key, Long> keys = new HashMap<>();
    while (keys.size() < 50_000) {
      keys.put(new Key(random.nextLong(), random.nextLong()), 1 + (random.nextLong() & 0xffffffffL));
    }
    SpilledKeyFile file = write(keys);
    assertEquals(50_000, file.count());
    assertEquals(SpilledKeyFile.HEADER + 50_000L * SpilledKeyFile.ENTRY, Files.size(file.path()));
    keys.forEach((k, until) -> assertEquals(until, file.expiry(k.hi(), k.lo())));
    for (int i = 0; i < 50_000; i++) {
      Key absent = new Key(random.nextLong(), random.nextLong());
      if (!keys.containsKey(absent)) {
        assertEquals(0, file.expiry(absent.hi(), absent.lo()));
      }
    }
    for (Key k : keys.keySet().stream().limit(1000).toList()) { // same high half, another low half
      assertEquals(0, file.expiry(k.hi(), k.lo() + 1));
    }
    assertEquals(keys.values().stream().mapToLong(Long::longValue).max().orElseThrow(), file.maxExpiry());
    file.verify();
  }

  @Test
  void keysBunchedTogetherAreFoundWhenTheGuessedPositionIsWrong() throws IOException {
    Map<Key, Long> keys = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      keys.put(new Key(i < 10_000 ? i : -1L - i, i), 1000L + i); // all near 0 and near 2^64 as unsigned numbers
    }
    SpilledKeyFile file = write(keys);
    keys.forEach((k, until) -> assertEquals(until, file.expiry(k.hi(), k.lo())));
    assertEquals(0, file.expiry(Long.MAX_VALUE, 0));
    assertEquals(0, file.expiry(10_000, 10_000));
  }

  @Test
  void anEmptyFileHoldsNothing() throws IOException {
    SpilledKeyFile file = write(Map.of());
    assertEquals(0, file.count());
    assertEquals(0, file.expiry(1, 2));
  }

  @Test
  void sortingFoldsRepeatedKeysIntoTheirLatestExpiryAndDropsExpiredOnes() {
    SortedKeys keys = new SortedKeys();
    keys.add(5, 1, 100);
    keys.add(-1, 0, 300); // the largest as an unsigned number
    keys.add(5, 1, 200);
    keys.add(3, 9, 50); // expired at 60
    keys.add(5, 0, 70);
    keys.sortDistinctLive(60);
    assertEquals(3, keys.size());
    assertEquals(5, keys.hi(0));
    assertEquals(0, keys.lo(0));
    assertEquals(70, keys.expiry(0));
    assertEquals(200, keys.expiry(1));
    assertEquals(-1, keys.hi(2));
  }

  @Test
  void aTruncatedFileIsRefusedWithItsName() throws IOException {
    Map<Key, Long> keys = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      keys.put(new Key(i * 7919L, i), 10L + i);
    }
    Path path = write(keys).path();
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.setLength(f.length() - 10);
    }
    JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> SpilledKeyFile.open(path));
    assertTrue(e.getMessage().contains(path.getFileName().toString()) && e.getMessage().contains("truncated"),
        e.getMessage());
    try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
      f.setLength(20);
    }
    e = assertThrows(JournalCorruptException.class, () -> SpilledKeyFile.open(path));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void aDamagedHeaderOrDamagedKeysAreReported() throws IOException {
    Map<Key, Long> keys = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      keys.put(new Key(i * 7919L, i), 10L + i);
    }
    Path path = write(keys).path();
    byte[] bytes = Files.readAllBytes(path);
    bytes[SpilledKeyFile.HEADER + 30] ^= 1; // a key's bit flipped: the header is intact
    Files.write(path, bytes);
    SpilledKeyFile damaged = SpilledKeyFile.open(path);
    JournalCorruptException e = assertThrows(JournalCorruptException.class, damaged::verify);
    assertTrue(e.getMessage().contains(path.getFileName().toString()), e.getMessage());

    bytes[12] ^= 1; // the count in the header
    Files.write(path, bytes);
    e = assertThrows(JournalCorruptException.class, () -> SpilledKeyFile.open(path));
    assertTrue(e.getMessage().contains("damaged header"), e.getMessage());
  }

  @Test
  void namesCarryTheSpillRange() {
    assertEquals("dedupe-0000000003-0000000017.keys", SpilledKeyFile.name(3, 17));
    long[] range = SpilledKeyFile.range("dedupe-0000000003-0000000017.keys");
    assertEquals(3, range[0]);
    assertEquals(17, range[1]);
    assertEquals(null, SpilledKeyFile.range("dedupe-3.keys"));
    assertEquals(null, SpilledKeyFile.range("inbox.base"));
  }
}
