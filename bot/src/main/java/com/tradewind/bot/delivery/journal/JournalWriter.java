package com.tradewind.bot.delivery.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import com.tradewind.bot.delivery.DedupeKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the journal, with group commit: it takes every record queued while
 * the previous fsync ran and writes them with a single fsync, so concurrent offers share the
 * cost of the disk flush instead of queueing behind one flush each. Before writing an offer it
 * looks its keys up in the key files (memory-mapped, so a cold page may mean a disk read: here,
 * never on an event loop) and answers it as a duplicate when one is there. Compaction runs on a
 * thread of its own ({@link #compactIfLarge}).
 */
final class JournalWriter {

  private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 4096;

  /**
   * A record to write and whom to tell (with null on success) once it is on disk; for an offer,
   * its keys and whom to tell instead when a key file holds one of them.
   */
  record Append(JournalRecord record, List<DedupeKeys.Fingerprint> keys, Consumer<Throwable> done,
      Runnable duplicate) {}

  /** What the inbox does when the writer seals a segment or a compaction has spilled its keys. */
  interface KeyTables {
    /** Keys claimed for the segment appended to. */
    int current();

    /**
     * The segment was sealed; {@code stillQueued} gives the keys of offers not yet written, and
     * must be called while holding the lock under which offers are claimed and queued.
     */
    void sealed(java.util.function.Supplier<Iterable<DedupeKeys.Fingerprint>> stillQueued);

    /** The sealed segment's keys are in a key file that answers lookups. */
    void spilled();
  }

  private final JournalFile file;
  private final java.nio.file.Path dir;
  private final long compactBytes;
  private final LongSupplier nowMillis;
  private final LongSupplier pendingKeyExpiry;
  private final KeyTables tables;
  private final int keysPerSegment;
  private final int maxKeyFiles;
  private final AtomicLong spilledDuplicates = new AtomicLong();
  private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong fsyncs = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private volatile boolean healthy = true;
  private volatile boolean stopping;
  private volatile CompactionSteps steps = CompactionSteps.NONE;
  /** The running compaction, or null; only the writer thread starts one. */
  private volatile Thread compaction;
  /** Size of the base after the last compaction: the next starts once the segment outgrows it. */
  private volatile long baseSize;
  private static final Append STOP = new Append(null, null, e -> {}, null);

  JournalWriter(JournalFile file, java.nio.file.Path dir, long compactBytes, LongSupplier nowMillis,
      LongSupplier pendingKeyExpiry, KeyTables tables, int keysPerSegment, int maxKeyFiles) throws IOException {
    this.file = file;
    this.tables = tables;
    this.keysPerSegment = keysPerSegment;
    this.maxKeyFiles = maxKeyFiles;
    this.baseSize = file.baseSize();
    this.dir = dir;
    this.compactBytes = compactBytes;
    this.nowMillis = nowMillis;
    this.pendingKeyExpiry = pendingKeyExpiry;
    this.thread = Thread.ofPlatform().name("tradewind-journal").daemon(true).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Queues a record; {@code done} runs on the writer thread after the fsync (or the failure). */
  void append(JournalRecord record, Consumer<Throwable> done) {
    append(record, null, done, null);
  }

  /**
   * Queues an offer whose keys the in-memory tables did not hold; {@code duplicate} runs instead
   * of writing it when a key file holds one of {@code keys}.
   */
  void append(JournalRecord record, List<DedupeKeys.Fingerprint> keys, Consumer<Throwable> done, Runnable duplicate) {
    if (stopping) {
      done.accept(new IOException("journal closed"));
      return;
    }
    queue.add(new Append(record, keys, done, duplicate));
  }

  /** Keys of the offers queued and not yet written; call while no offer can be queued (see {@link KeyTables}). */
  private Iterable<DedupeKeys.Fingerprint> queuedKeys() {
    List<DedupeKeys.Fingerprint> keys = new ArrayList<>();
    for (Append a : queue) {
      if (a.keys() != null) {
        keys.addAll(a.keys());
      }
    }
    return keys;
  }

  private void run() {
    List<Append> batch = new ArrayList<>();
    boolean stop = false;
    while (!stop) {
      try {
        batch.add(queue.take());
      } catch (InterruptedException e) {
        break;
      }
      queue.drainTo(batch, MAX_BATCH - 1);
      stop = batch.remove(STOP);
      if (!batch.isEmpty()) {
        write(batch);
      }
      batch.clear();
    }
    IOException closed = new IOException("journal closed");
    for (Append late; (late = queue.poll()) != null; ) {
      if (late != STOP) {
        late.done().accept(closed); // appended while stopping: never written, so never acknowledged
      }
    }
    awaitCompaction();
    try {
      file.close();
    } catch (IOException e) {
      LOG.warn("inbox journal: close failed: {}", e.toString());
    }
  }

  private void write(List<Append> batch) {
    dropSpilledDuplicates(batch);
    if (batch.isEmpty()) {
      return;
    }
    Throwable failure = null;
    try {
      List<byte[]> bytes = new ArrayList<>(batch.size());
      for (Append a : batch) {
        bytes.add(a.record().encode());
      }
      file.appendAndSync(bytes);
      fsyncs.incrementAndGet();
      records.addAndGet(batch.size());
      if (!healthy) {
        LOG.info("inbox journal is writable again");
      }
      healthy = true;
    } catch (IOException | RuntimeException e) {
      failure = e;
      if (healthy) {
        LOG.error("inbox journal write failed: {}", e.toString());
      }
      healthy = false;
    }
    for (Append a : batch) {
      try {
        a.done().accept(failure);
      } catch (RuntimeException e) {
        LOG.error("inbox journal callback failed", e);
      }
    }
    if (failure == null) {
      compactIfLarge();
    }
  }

  /** Answers the offers with a key in a key file as duplicates and takes them out of the batch. */
  private void dropSpilledDuplicates(List<Append> batch) {
    SpilledKeys spilled = file.spilled();
    if (spilled.files().isEmpty()) {
      return;
    }
    long now = nowMillis.getAsLong();
    for (java.util.Iterator<Append> it = batch.iterator(); it.hasNext(); ) {
      Append a = it.next();
      if (a.keys() == null) {
        continue;
      }
      for (DedupeKeys.Fingerprint key : a.keys()) {
        if (spilled.expiry(key.hi(), key.lo()) > now) {
          it.remove();
          spilledDuplicates.incrementAndGet();
          try {
            a.duplicate().run();
          } catch (RuntimeException e) {
            LOG.error("inbox journal callback failed", e);
          }
          break;
        }
      }
    }
  }

  /**
   * Once the segment appended to has grown past the threshold and past the size of the base (so
   * a compaction's work stays proportional to what was appended since the last one), seals it and
   * folds it into the base on another thread while appends go on in a fresh segment; also once
   * the keys claimed for the segment reach {@code keysPerSegment}, so the in-memory tables stay
   * at their size. Costs the writer a rename, a file creation and a folder fsync.
   */
  private void compactIfLarge() {
    if (compaction != null || stopping) {
      return;
    }
    try {
      long size = file.size();
      boolean manyKeys = tables.current() >= keysPerSegment;
      if ((size < compactBytes || size < baseSize) && !manyKeys) {
        return;
      }
      if (!file.hasSealed()) { // else an earlier compaction failed: fold that segment in first
        file.rotate();
        tables.sealed(this::queuedKeys);
      }
    } catch (IOException e) {
      LOG.warn("inbox journal: cannot start a new segment, appending to the long one: {}", e.toString());
      return;
    }
    long now = nowMillis.getAsLong();
    long pendingExpiry = pendingKeyExpiry.getAsLong();
    Thread t = Thread.ofPlatform().name("tradewind-journal-compaction").daemon(true).unstarted(() -> {
      try {
        steps.reached(CompactionSteps.Step.STARTED);
        long started = System.nanoTime();
        long base = JournalFile.compact(dir, now, pendingExpiry, file.spilled(), steps);
        tables.spilled();
        baseSize = base;
        compactions.incrementAndGet();
        LOG.info("inbox journal compacted into a {}-byte base and {} key files in {} ms", base,
            file.spilled().files().size(), java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      } catch (IOException | RuntimeException e) {
        LOG.warn("inbox journal compaction failed, keeping the sealed segment for the next one: {}", e.toString());
        compaction = null;
        return;
      }
      try { // still "the compaction": no other may change the key files meanwhile
        file.spilled().maintain(nowMillis.getAsLong(), maxKeyFiles, steps);
      } catch (IOException | RuntimeException e) {
        LOG.error("inbox journal: merging dedupe key files failed, keeping them as they are: {}", e.toString());
      } finally {
        compaction = null;
      }
    });
    compaction = t;
    t.start();
  }

  private void awaitCompaction() {
    Thread t = compaction;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** For tests: where compactions report their progress. */
  void compactionSteps(CompactionSteps steps) {
    this.steps = steps;
  }

  /** Writes what is queued, closes the file and returns when the thread has ended. */
  void stop() throws InterruptedException {
    stopping = true;
    queue.add(STOP);
    thread.join();
  }

  boolean healthy() {
    return healthy;
  }

  long fsyncs() {
    return fsyncs.get();
  }

  long records() {
    return records.get();
  }

  long compactions() {
    return compactions.get();
  }

  SpilledKeys spilledKeys() {
    return file.spilled();
  }

  /** Offers answered as duplicates because a key file held one of their keys. */
  long spilledDuplicates() {
    return spilledDuplicates.get();
  }
}
