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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal file itself: blocking I/O, used by one thread at a time (replay at start-up, then
 * the writer thread). {@code inbox.journal} is appended to and replaced whole by compaction;
 * {@code inbox.lock} keeps a second process away from the same folder.
 */
final class JournalFile implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
  static final String NAME = "inbox.journal";

  private final Path dir;
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private FileChannel channel;
  private long droppedTailBytes;
  private int skippedRecords;

  private JournalFile(Path dir, FileChannel lockChannel, FileLock lock) throws IOException {
    this.dir = dir;
    this.file = dir.resolve(NAME);
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Locks the folder, replays the journal into {@code state} and opens it for appending. A record
   * torn by a crash (or any unreadable bytes from there on) is cut off: it was never fsynced, so
   * no platform was told it was recorded.
   *
   * @throws JournalUnavailableException with a message for the operator when the folder is not
   *     writable, the disk is full or another process holds the lock
   */
  static JournalFile open(Path dir, JournalState state, long minFreeBytes) {
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
      journal.replay(state);
      return journal;
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

  private void replay(JournalState state) throws IOException {
    Files.deleteIfExists(dir.resolve(NAME + ".tmp")); // a compaction interrupted by a crash
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long size = channel.size();
    long good = 0;
    if (size > 0) {
      ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
      while (bytes.hasRemaining()) {
        JournalRecord record;
        try {
          record = JournalRecord.decode(bytes);
        } catch (JournalCorruptException e) {
          LOG.warn("inbox journal: {}; cutting off the rest", e.getMessage());
          break;
        }
        if (record == null) {
          break;
        }
        try {
          state.apply(record);
        } catch (JournalCorruptException e) {
          skippedRecords++;
          LOG.warn("inbox journal: skipped a record at offset {}: {}", good, e.getMessage());
        }
        good = bytes.position();
      }
    }
    if (good < size) {
      droppedTailBytes = size - good;
      LOG.warn("inbox journal: {} bytes after offset {} were torn or unreadable and are dropped", droppedTailBytes, good);
      channel.truncate(good);
      channel.force(true);
    }
    channel.position(good);
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

  long size() throws IOException {
    return channel.size();
  }

  /**
   * Replaces the journal with {@code records}: written to a temporary file, fsynced, renamed over
   * the journal (atomic on POSIX file systems) and the folder fsynced so the rename survives.
   */
  void replaceWith(List<byte[]> records) throws IOException {
    Path tmp = dir.resolve(NAME + ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      for (byte[] r : records) {
        ByteBuffer b = ByteBuffer.wrap(r);
        while (b.hasRemaining()) {
          out.write(b);
        }
      }
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync folder {}: {}", dir, e.toString()); // not supported on every OS
    }
    channel.close();
    channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    channel.position(channel.size());
  }

  long droppedTailBytes() {
    return droppedTailBytes;
  }

  int skippedRecords() {
    return skippedRecords;
  }

  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }
}
