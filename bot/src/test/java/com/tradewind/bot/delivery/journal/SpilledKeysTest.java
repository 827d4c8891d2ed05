package com.tradewind.bot.delivery.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpilledKeysTest {

  @TempDir
  Path dir;

  /** Keys {@code from..to-1}, spread like fingerprints, each expiring at {@code until}. */
  private static SortedKeys keys(int from, int to, long until) {
    SortedKeys keys = new SortedKeys();
    for (int i = from; i < to; i++) {
      keys.add(hi(i), i, until);
    }
    return keys.sortDistinctLive(0);
  }

  private static long hi(int i) {
    return new Random(i).nextLong();
  }

  private static long expiry(SpilledKeys spilled, int i) {
    return spilled.expiry(hi(i), i);
  }

  private List<String> names() throws IOException {
    try (var listing = Files.list(dir)) {
      return listing.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void spilledKeysAreFoundNewestFirstAndSurviveAReopen() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    spilled.spill(keys(0, 1000, 500), CompactionSteps.NONE);
    spilled.spill(keys(500, 1500, 900), CompactionSteps.NONE); // 500..999 again, later: the newer file wins
    assertEquals(500, expiry(spilled, 10));
    assertEquals(900, expiry(spilled, 700));
    assertEquals(900, expiry(spilled, 1400));
    assertEquals(0, expiry(spilled, 1500));
    assertEquals(List.of("dedupe-0000000001-0000000001.keys", "dedupe-0000000002-0000000002.keys"), names());

    SpilledKeys reopened = SpilledKeys.open(dir);
    assertEquals(2, reopened.files().size());
    assertEquals(2, reopened.files().get(0).last(), "newest first");
    assertEquals(500, expiry(reopened, 10));
    assertEquals(900, expiry(reopened, 700));
    reopened.spill(keys(2000, 2001, 900), CompactionSteps.NONE);
    assertTrue(names().contains("dedupe-0000000003-0000000003.keys"), "numbering goes on after a reopen: " + names());
  }

  @Test
  void aFileIsDeletedWholeOnceEveryKeyInItExpired() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    spilled.spill(keys(0, 100, 500), CompactionSteps.NONE);
    spilled.spill(keys(100, 200, 900), CompactionSteps.NONE);
    spilled.maintain(499, 16, CompactionSteps.NONE);
    assertEquals(2, spilled.files().size());
    spilled.maintain(500, 16, CompactionSteps.NONE);
    assertEquals(List.of("dedupe-0000000002-0000000002.keys"), names());
    assertEquals(0, expiry(spilled, 5));
    assertEquals(900, expiry(spilled, 150));
  }

  @Test
  void mergesKeepTheFileCountAtTheLimitAndKeepEveryLiveKey() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    for (int f = 0; f < 20; f++) {
      spilled.spill(keys(f * 100, f * 100 + 150, 1000 + f), CompactionSteps.NONE); // 50 keys overlap the next file
      spilled.maintain(1000, 4, CompactionSteps.NONE); // the keys of file 0 have expired: dropped at each merge
      assertTrue(spilled.files().size() <= 4, "files: " + spilled.files());
    }
    assertEquals(spilled.files().size(), names().size(), "merged-away files are deleted: " + names());
    for (int i = 100; i < 2050; i++) {
      long expected = 1000 + Math.min(19, i / 100);
      assertEquals(expected, expiry(spilled, i), "key " + i);
    }
    assertEquals(0, expiry(spilled, 5), "expired keys are left out of merges");
    long stored = spilled.keys();
    assertTrue(stored >= 1950 && stored <= 1950 + 3 * 50, "a key twice only where two unmerged files overlap: " + stored);
    List<SpilledKeyFile> files = spilled.files();
    for (int i = 0; i + 1 < files.size(); i++) {
      assertTrue(files.get(i).first() > files.get(i + 1).last(), "files cover disjoint stretches: " + files);
    }
  }

  /** A merge stopped at each point a crash could interrupt it: the reopened files hold every key once more. */
  @ParameterizedTest
  @EnumSource(value = CompactionSteps.Step.class, names = {"MERGE_WRITTEN", "MERGE_RENAMED"})
  void aCrashDuringAMergeLosesNoKey(CompactionSteps.Step crashAt) throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    spilled.spill(keys(0, 300, 5000), CompactionSteps.NONE);
    spilled.spill(keys(300, 600, 6000), CompactionSteps.NONE);
    assertThrows(IllegalStateException.class, () -> spilled.maintain(1, 1, step -> {
      if (step == crashAt) {
        throw new IllegalStateException("killed at " + step);
      }
    }));
    List<String> left = names();
    if (crashAt == CompactionSteps.Step.MERGE_WRITTEN) {
      assertTrue(left.contains("dedupe-0000000001-0000000002.keys.tmp"), left.toString());
    } else {
      assertTrue(left.containsAll(List.of("dedupe-0000000001-0000000001.keys", "dedupe-0000000002-0000000002.keys",
          "dedupe-0000000001-0000000002.keys")), left.toString());
    }

    SpilledKeys reopened = SpilledKeys.open(dir);
    List<String> kept = names();
    assertTrue(kept.stream().noneMatch(n -> n.endsWith(".tmp")), kept.toString());
    if (crashAt == CompactionSteps.Step.MERGE_RENAMED) {
      assertEquals(List.of("dedupe-0000000001-0000000002.keys"), kept, "the inputs of the finished merge are deleted");
    } else {
      assertEquals(2, kept.size(), kept.toString());
    }
    for (int i = 0; i < 600; i++) {
      assertEquals(i < 300 ? 5000 : 6000, expiry(reopened, i), "key " + i);
    }
    reopened.maintain(1, 1, CompactionSteps.NONE);
    assertEquals(1, reopened.files().size());
    assertEquals(600, reopened.keys());
  }

  @Test
  void aSpillStoppedBeforeItsRenameLeavesNoFile() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    assertThrows(IllegalStateException.class, () -> spilled.spill(keys(0, 10, 100), step -> {
      throw new IllegalStateException("killed at " + step);
    }));
    assertEquals(List.of("dedupe-0000000001-0000000001.keys.tmp"), names());
    assertEquals(0, expiry(spilled, 3), "not looked up before it has its name");
    SpilledKeys reopened = SpilledKeys.open(dir);
    assertEquals(List.of(), names());
    assertEquals(0, reopened.files().size());
  }

  @Test
  void aTruncatedFileStopsTheOpenWithItsName() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    spilled.spill(keys(0, 10, 100), CompactionSteps.NONE);
    Path file = dir.resolve("dedupe-0000000001-0000000001.keys");
    Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 100));
    JournalCorruptException e = assertThrows(JournalCorruptException.class, () -> SpilledKeys.open(dir));
    assertTrue(e.getMessage().contains("dedupe-0000000001-0000000001.keys"), e.getMessage());
  }

  @Test
  void aMergeOfADamagedFileFailsAndKeepsBoth() throws IOException {
    SpilledKeys spilled = SpilledKeys.open(dir);
    spilled.spill(keys(0, 100, 100), CompactionSteps.NONE);
    Path file = dir.resolve("dedupe-0000000001-0000000001.keys");
    byte[] bytes = Files.readAllBytes(file);
    spilled.spill(keys(100, 200, 100), CompactionSteps.NONE);
    bytes[SpilledKeyFile.HEADER + 100] ^= 4;
    Files.write(file, bytes);
    SpilledKeys reopened = SpilledKeys.open(dir);
    JournalCorruptException e = assertThrows(JournalCorruptException.class,
        () -> reopened.maintain(1, 1, CompactionSteps.NONE));
    assertTrue(e.getMessage().contains("dedupe-0000000001-0000000001.keys"), e.getMessage());
    assertEquals(2, names().size(), names().toString());
  }
}
