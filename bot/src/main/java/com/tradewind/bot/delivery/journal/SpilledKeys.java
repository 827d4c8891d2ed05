package com.tradewind.bot.delivery.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dedupe keys compactions moved out of the heap: immutable {@link SpilledKeyFile}s in the
 * journal folder, looked up newest first. Each compaction adds one file; when there are more than
 * the limit, the two neighbouring files with the fewest keys between them are merged (so a file
 * covers a contiguous stretch of time and the oldest expire first), and a file whose keys have all
 * expired is deleted whole.
 *
 * <p>Every file is written to a temporary name, fsynced and renamed, the folder fsynced, before
 * anything relies on it; a merged file is named after the spills it covers, so when a crash left
 * it next to its inputs, start-up deletes the inputs. Lookups run on the journal writer thread,
 * changes on the compaction thread: the list is replaced, never changed in place.
 */
final class SpilledKeys {

  private static final Logger LOG = LoggerFactory.getLogger(SpilledKeys.class);
  static final String TMP_SUFFIX = ".tmp";

  private final Path dir;
  /** Newest first. */
  private volatile List<SpilledKeyFile> files;
  private long nextSpill;

  private SpilledKeys(Path dir, List<SpilledKeyFile> files, long nextSpill) {
    this.dir = dir;
    this.files = files;
    this.nextSpill = nextSpill;
  }

  /**
   * Opens the files of {@code dir}: deletes temporary ones and those a merge replaced, then maps
   * and checks the rest. Reads headers only, whatever the number of keys.
   *
   * @throws JournalCorruptException naming a file that is truncated or damaged
   */
  static SpilledKeys open(Path dir) throws IOException {
    List<long[]> ranges = new ArrayList<>();
    List<Path> paths = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "dedupe-*")) {
      for (Path p : listing) {
        String name = p.getFileName().toString();
        if (name.endsWith(TMP_SUFFIX)) {
          Files.delete(p); // a spill or merge interrupted by a crash: its inputs are still there
          continue;
        }
        long[] range = SpilledKeyFile.range(name);
        if (range != null) {
          ranges.add(range);
          paths.add(p);
        }
      }
    }
    List<SpilledKeyFile> open = new ArrayList<>();
    long next = 1;
    for (int i = 0; i < paths.size(); i++) {
      if (coveredByAnother(i, ranges)) {
        LOG.info("inbox journal: deleting {}, which a merge replaced before the last stop", paths.get(i).getFileName());
        Files.delete(paths.get(i));
        continue;
      }
      open.add(SpilledKeyFile.open(paths.get(i)));
      next = Math.max(next, ranges.get(i)[1] + 1);
    }
    open.sort(Comparator.comparingLong(SpilledKeyFile::last).reversed());
    if (!paths.isEmpty()) {
      JournalFile.syncFolder(dir);
    }
    return new SpilledKeys(dir, List.copyOf(open), next);
  }

  private static boolean coveredByAnother(int i, List<long[]> ranges) {
    long[] r = ranges.get(i);
    for (int j = 0; j < ranges.size(); j++) {
      long[] o = ranges.get(j);
      if (j != i && o[0] <= r[0] && r[1] <= o[1] && (o[0] != r[0] || o[1] != r[1])) {
        return true;
      }
    }
    return false;
  }

  /** The key's expiry in epoch milliseconds, or 0 when no file holds it. Newest file first. */
  long expiry(long hi, long lo) {
    for (SpilledKeyFile f : files) {
      long e = f.expiry(hi, lo);
      if (e != 0) {
        return e;
      }
    }
    return 0;
  }

  /**
   * Writes the keys to a new file (temporary name, fsync, rename, folder fsync) and adds it to
   * the lookups; nothing when no key is left.
   */
  SpilledKeyFile spill(SortedKeys keys, CompactionSteps steps) throws IOException {
    if (keys.size() == 0) {
      return null;
    }
    long number = nextSpill++;
    Path target = dir.resolve(SpilledKeyFile.name(number, number));
    Path tmp = dir.resolve(target.getFileName() + TMP_SUFFIX);
    SpilledKeyFile.write(tmp, keys);
    steps.reached(CompactionSteps.Step.SPILL_WRITTEN);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    JournalFile.syncFolder(dir);
    SpilledKeyFile file = SpilledKeyFile.open(target);
    List<SpilledKeyFile> next = new ArrayList<>(files.size() + 1);
    next.add(file);
    next.addAll(files);
    files = List.copyOf(next);
    steps.reached(CompactionSteps.Step.SPILLED);
    return file;
  }

  /**
   * Deletes the files whose keys have all expired, then merges neighbours while there are more
   * than {@code maxFiles}. Runs on the compaction thread after a compaction.
   */
  void maintain(long nowMillis, int maxFiles, CompactionSteps steps) throws IOException {
    List<SpilledKeyFile> expired = files.stream().filter(f -> f.maxExpiry() <= nowMillis).toList();
    if (!expired.isEmpty()) {
      files = files.stream().filter(f -> f.maxExpiry() > nowMillis).toList();
      for (SpilledKeyFile f : expired) {
        Files.deleteIfExists(f.path());
      }
      JournalFile.syncFolder(dir);
      LOG.info("inbox journal: deleted {} dedupe key files whose keys had all expired", expired.size());
    }
    while (files.size() > Math.max(1, maxFiles)) {
      List<SpilledKeyFile> now = files;
      int best = 0;
      for (int i = 1; i + 1 < now.size(); i++) {
        if (now.get(i).count() + now.get(i + 1).count() < now.get(best).count() + now.get(best + 1).count()) {
          best = i;
        }
      }
      merge(now.get(best), now.get(best + 1), nowMillis, steps);
    }
  }

  /** Merges two neighbouring files into one covering both their spills; expired keys are left out. */
  private void merge(SpilledKeyFile newer, SpilledKeyFile older, long nowMillis, CompactionSteps steps)
      throws IOException {
    long started = System.nanoTime();
    newer.verify();
    older.verify();
    Path target = dir.resolve(SpilledKeyFile.name(older.first(), newer.last()));
    Path tmp = dir.resolve(target.getFileName() + TMP_SUFFIX);
    long written;
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      SpilledKeyFile.Writer writer = new SpilledKeyFile.Writer(out);
      long a = 0;
      long b = 0;
      while (a < newer.count() || b < older.count()) {
        int c = a == newer.count() ? 1 : b == older.count() ? -1
            : SpilledKeyFile.compare(newer.hiAt(a), newer.loAt(a), older.hiAt(b), older.loAt(b));
        long hi;
        long lo;
        long expiry;
        if (c <= 0) {
          hi = newer.hiAt(a);
          lo = newer.loAt(a);
          expiry = newer.expiryAt(a++);
          if (c == 0) {
            expiry = Math.max(expiry, older.expiryAt(b++));
          }
        } else {
          hi = older.hiAt(b);
          lo = older.loAt(b);
          expiry = older.expiryAt(b++);
        }
        if (expiry > nowMillis) {
          writer.add(hi, lo, expiry);
        }
      }
      writer.finish();
      written = writer.count();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    steps.reached(CompactionSteps.Step.MERGE_WRITTEN);
    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    JournalFile.syncFolder(dir);
    SpilledKeyFile merged = SpilledKeyFile.open(target);
    List<SpilledKeyFile> next = new ArrayList<>(files);
    int at = next.indexOf(newer);
    next.set(at, merged);
    next.remove(older);
    files = List.copyOf(next);
    steps.reached(CompactionSteps.Step.MERGE_RENAMED);
    Files.deleteIfExists(newer.path());
    Files.deleteIfExists(older.path());
    JournalFile.syncFolder(dir);
    LOG.info("inbox journal: merged {} and {} into {} keys in {} ms", newer, older, written,
        java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  /** The files, newest first. */
  List<SpilledKeyFile> files() {
    return files;
  }

  /** Keys in all files (a key merged from two spills counts once). */
  long keys() {
    return files.stream().mapToLong(SpilledKeyFile::count).sum();
  }
}
