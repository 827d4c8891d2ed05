package com.tradewind.bot.delivery.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal files: blocking I/O. Replay at start-up reads {@code inbox.base} (what compactions
 * kept), {@code inbox.sealed} (a segment a compaction had not folded in yet) and
 * {@code inbox.journal} (the segment appended to), in that order. The writer thread appends and
 * rotates; a compaction thread folds the sealed segment into the base without touching the
 * segment appended to, so acknowledgements never wait for it, and moves the keys of the folded
 * segment to a {@code dedupe-*.keys} file ({@link SpilledKeys}). {@code inbox.lock} keeps a
 * second process away from the same folder.
 */
final class JournalFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
  /** The segment appended to. */
  static final String NAME = "inbox.journal";
  /** The live content of every segment compacted so far. */
  static final String BASE = "inbox.base";
  /** The previous segment, sealed by a rotation, until a compaction has folded it into the base. */
  static final String SEALED = "inbox.sealed";

  private final Path dir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel channel;
  private long droppedTailBytes;
  private SpilledKeys spilled;

  private JournalFile(Path dir, FileChannel lockChannel, FileLock lock) throws IOException {
    this.dir = dir;
    this.file = dir.resolve(NAME);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks the folder, opens the key files, replays the journal into {@code state} and opens it
   * for appending. A record torn by a crash (or any unreadable bytes from there on) is cut off: it
   * was never fsynced, so no platform was told it was recorded. A sealed segment left by a stop
   * during a compaction (or a base of an earlier version holding every key) is compacted first,
   * so the only keys replay hands to {@code recentKeys} are those of the segment appended to.
   *
   * @throws JournalUnavailableException with a message for the operator when the folder is not
   *     writable, the disk is full or another process holds the lock
   */
  static JournalFile open(Path dir, JournalState state, JournalState.KeySink recentKeys, long minFreeBytes,
      long nowMillis, long fallbackExpiry, CompactionSteps steps) {
    try {
      Files.createDirectories(dir);
      if (!Files.isWritable(dir)) {
        throw new JournalUnavailableException(JournalUnavailableException.Reason.NOT_WRITABLE,
            "folder " + dir.toAbsolutePath() + " is not writable");
      }
      long free = Files.getFileStore(dir).getUsableSpace();
      if (free < minFreeBytes) {
        throw new JournalUnavailableException(JournalUnavailableException.Reason.DISK_FULL, "only " + free / (1024 * 1024) + " MB free on the disk of "
            + dir.toAbsolutePath() + " (at least " + minFreeBytes / (1024 * 1024) + " MB needed)");
      }
      FileChannel lockChannel = FileChannel.open(dir.resolve("inbox.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = lockChannel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        lockChannel.close();
        throw new JournalUnavailableException(JournalUnavailableException.Reason.LOCKED, "folder " + dir.toAbsolutePath()
            + " is used by another Tradewind process (inbox.lock is held)");
      }
      JournalFile journal = new JournalFile(dir, lockChannel, lock);
      try {
        journal.replay(state, recentKeys, nowMillis, fallbackExpiry, steps);
      } catch (IOException | RuntimeException e) {
        journal.close();
        throw e;
      }
      return journal;
    } catch (JournalCorruptException e) {
      throw new JournalUnavailableException(JournalUnavailableException.Reason.CORRUPT, "dedupe key file in "
          + dir.toAbsolutePath() + ": " + e.getMessage() + "; move that file out of the folder to start without its keys"
          + " (redeliveries of the messages it covered would then be answered again)");
    } catch (AccessDeniedException e) {
      throw new JournalUnavailableException(JournalUnavailableException.Reason.NOT_WRITABLE,
          "folder " + dir.toAbsolutePath() + " is not writable (" + e.getMessage() + ")");
    } catch (FileSystemException e) {
      boolean readOnly = String.valueOf(e.getReason()).contains("Read-only") || String.valueOf(e.getReason()).contains("not permitted");
      boolean full = String.valueOf(e.getReason()).contains("No space");
      throw new JournalUnavailableException(full ? JournalUnavailableException.Reason.DISK_FULL : readOnly
          ? JournalUnavailableException.Reason.NOT_WRITABLE : JournalUnavailableException.Reason.IO_ERROR,
          "cannot use " + dir.toAbsolutePath() + ": " + e.getReason() + " (" + e.getFile() + ")");
    } catch (IOException e) {
      throw new JournalUnavailableException(JournalUnavailableException.Reason.IO_ERROR,
          "cannot use " + dir.toAbsolutePath() + ": " + e);
    }
  }

  private void replay(JournalState state, JournalState.KeySink recentKeys, long nowMillis, long fallbackExpiry,
      CompactionSteps steps) throws IOException {
    Files.deleteIfExists(dir.resolve(NAME + ".tmp")); // a compaction of an earlier version interrupted by a crash
    Files.deleteIfExists(dir.resolve(BASE + ".tmp")); // a compaction interrupted by a crash
    spilled = SpilledKeys.open(dir);
    JournalState probe = new JournalState();
    readSealed(dir.resolve(BASE), probe);
    if (Files.exists(dir.resolve(SEALED)) || probe.sawKeysRecords()) {
      long started = System.nanoTime();
      compact(dir, nowMillis, fallbackExpiry, spilled, steps);
      LOG.info("inbox journal: folded the segment left by the last stop into the base and a key file in {} ms",
          java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }
    // Oldest first: the compacted base (its keys are in the key files), then the active segment.
    state.keysTo(JournalState.KeySink.IGNORE);
    readSealed(dir.resolve(BASE), state);
    state.keysTo(recentKeys);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long size = channel.size();
    long good = read(channel, state, file);
    if (good < size) {
      droppedTailBytes = size - good;
      LOG.warn("inbox journal: {} bytes after offset {} were torn or unreadable and are dropped", droppedTailBytes, good);
      channel.truncate(good);
      channel.force(true);
    }
    channel.position(good);
  }

  /**
   * Replays a file that is no longer appended to. It was complete and fsynced before it got its
   * name, so unreadable bytes are damage, not a torn tail: logged, and the file is left as it is.
   */
  private static void readSealed(Path path, JournalState state) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
      long good = read(in, state, path);
      if (good < in.size()) {
        LOG.error("inbox journal: {} has {} unreadable bytes after offset {}; the records before them are used",
            path.getFileName(), in.size() - good, good);
      }
    }
  }

  /** Applies the records of {@code in} to {@code state}; returns the offset after the last good record. */
  private static long read(FileChannel in, JournalState state, Path path) throws IOException {
    long size = in.size();
    long good = 0;
    if (size == 0) {
      return 0;
    }
    ByteBuffer bytes = in.map(FileChannel.MapMode.READ_ONLY, 0, size);
    while (bytes.hasRemaining()) {
      JournalRecord record;
      try {
        record = JournalRecord.decode(bytes);
      } catch (JournalCorruptException e) {
        LOG.warn("inbox journal {}: {}; cutting off the rest", path.getFileName(), e.getMessage());
        break;
      }
      if (record == null) {
        break;
      }
      try {
        state.apply(record);
      } catch (JournalCorruptException e) {
        LOG.warn("inbox journal {}: skipped a record at offset {}: {}", path.getFileName(), good, e.getMessage());
      }
      good = bytes.position();
    }
    return good;
  }

  /** Appends the records and waits until they are on disk: one fsync for the whole batch. */
  void appendAndSync(List<byte[]> records) throws IOException {
    long before = channel.position();
    try {
      ByteBuffer[] buffers = records.stream().map(ByteBuffer::wrap).toArray(ByteBuffer[]::new);
      long total = records.stream().mapToLong(b -> b.length).sum();
      long written = 0;
      while (written < total) {
        written += channel.write(buffers);
      }
      channel.force(false);
    } catch (IOException e) {
      // Leave no half batch behind: a later batch must not follow garbage.
      try {
        channel.truncate(before);
        channel.position(before);
      } catch (IOException ignored) {
        // the next append fails again and is reported the same way
      }
      throw e;
    }
  }

  /** Size of the segment being appended to. */
  long size() throws IOException {
    return channel.size();
  }

  /** Size of the compacted base (0 before the first compaction). */
  long baseSize() throws IOException {
    Path base = dir.resolve(BASE);
    return Files.exists(base) ? Files.size(base) : 0;
  }

  /** Whether a sealed segment waits to be folded into the base (a compaction failed or is running). */
  boolean hasSealed() {
    return Files.exists(dir.resolve(SEALED));
  }

  /**
   * Seals the segment being appended to and starts an empty one, so a compaction can read the
   * sealed one while appends go on. Called between batches: everything in the sealed segment is
   * fsynced. The rename is atomic; a crash before the new segment exists leaves base + sealed,
   * which replay reads as before and then creates the segment.
   */
  void rotate() throws IOException {
    Path sealed = dir.resolve(SEALED);
    Files.move(file, sealed, StandardCopyOption.ATOMIC_MOVE);
    FileChannel next;
    try {
      next = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      // the old channel still writes to the same inode: put its name back and keep appending there
      Files.move(sealed, file, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    syncFolder(dir);
    channel.close();
    channel = next;
  }

  /**
   * Folds the sealed segment into the base: every unexpired key of base + sealed goes to a new
   * key file ({@link SpilledKeys#spill}: temporary name, fsync, rename), then the messages still
   * unanswered are written to {@code inbox.base.tmp}, fsynced, renamed over the base, the folder
   * fsynced, and only then the sealed segment deleted. Runs on its own thread and touches neither
   * the active segment nor its channel; holds the spilled keys as 24-byte entries while it runs.
   *
   * <p>A crash at any point leaves a state replay reads correctly: before the key file's rename,
   * the old base and the sealed segment (temporary files are deleted), which start-up compacts
   * again; after it, the same plus a key file, and the repeated compaction writes a second file
   * with the same keys, which a merge folds away; after the base's rename, the new base and
   * possibly the sealed segment once more, which changes nothing: its offers are either in the
   * new base already or answered, its keys in a key file.
   *
   * @return the size of the new base
   */
  static long compact(Path dir, long nowMillis, long fallbackExpiry, SpilledKeys spilled, CompactionSteps steps)
      throws IOException {
    JournalState state = new JournalState();
    SortedKeys keys = new SortedKeys();
    state.keysTo((key, expires) -> {
      if (expires > nowMillis) {
        com.tradewind.bot.delivery.DedupeKeys.Fingerprint f = com.tradewind.bot.delivery.DedupeKeys.fingerprint(key);
        keys.add(f.hi(), f.lo(), expires);
      }
    });
    readSealed(dir.resolve(BASE), state);
    readSealed(dir.resolve(SEALED), state);
    spilled.spill(keys.sortDistinctLive(nowMillis), steps);
    List<JournalRecord> live = state.snapshot(fallbackExpiry);
    Path tmp = dir.resolve(BASE + ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      List<ByteBuffer> chunk = new ArrayList<>();
      for (JournalRecord r : live) {
        chunk.add(ByteBuffer.wrap(r.encode()));
        if (chunk.size() == 256) {
          writeFully(out, chunk);
        }
      }
      writeFully(out, chunk);
      out.force(true);
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    steps.reached(CompactionSteps.Step.BASE_WRITTEN);
    Files.move(tmp, dir.resolve(BASE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    syncFolder(dir);
    steps.reached(CompactionSteps.Step.BASE_REPLACED);
    Files.deleteIfExists(dir.resolve(SEALED));
    syncFolder(dir);
    return Files.size(dir.resolve(BASE));
  }

  private static void writeFully(FileChannel out, List<ByteBuffer> chunk) throws IOException {
    ByteBuffer[] buffers = chunk.toArray(ByteBuffer[]::new);
    long total = chunk.stream().mapToLong(ByteBuffer::remaining).sum();
    long written = 0;
    while (written < total) {
      written += out.write(buffers);
    }
    chunk.clear();
  }

  /** Makes a rename or a new file in the folder survive a crash. */
  static void syncFolder(Path dir) {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync folder {}: {}", dir, e.toString()); // not supported on every OS
    }
  }

  /** The key files; opened by {@link #open}. */
  SpilledKeys spilled() {
    return spilled;
  }

  long droppedTailBytes() {
    return droppedTailBytes;
  }

  @Override
  public void close() throws IOException {
    try {
      if (channel != null) {
        channel.close();
      }
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
