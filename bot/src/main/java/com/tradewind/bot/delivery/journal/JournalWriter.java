package com.tradewind.bot.delivery.journal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes the journal, with group commit: it takes every record queued while
 * the previous fsync ran and writes them with a single fsync, so concurrent offers share the
 * cost of the disk flush instead of queueing behind one flush each.
 */
final class JournalWriter {

  private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
  private static final int MAX_BATCH = 4096;

  /** A record to write and whom to tell (with null on success) once it is on disk. */
  record Append(JournalRecord record, Consumer<Throwable> done) {}

  private final JournalFile file;
  private final JournalState state;
  private final long compactBytes;
  private final LongSupplier nowMillis;
  private final LongSupplier pendingKeyExpiry;
  private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final AtomicLong fsyncs = new AtomicLong();
  private final AtomicLong records = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private volatile boolean healthy = true;
  private volatile boolean stopping;
  private long sizeAfterCompaction;
  private static final Append STOP = new Append(null, e -> {});

  JournalWriter(JournalFile file, JournalState state, long compactBytes, LongSupplier nowMillis,
      LongSupplier pendingKeyExpiry) throws IOException {
    this.file = file;
    this.state = state;
    this.compactBytes = compactBytes;
    this.nowMillis = nowMillis;
    this.pendingKeyExpiry = pendingKeyExpiry;
    this.sizeAfterCompaction = file.size();
    this.thread = Thread.ofPlatform().name("tradewind-journal").daemon(true).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Queues a record; {@code done} runs on the writer thread after the fsync (or the failure). */
  void append(JournalRecord record, Consumer<Throwable> done) {
    if (stopping) {
      done.accept(new IOException("journal closed"));
      return;
    }
    queue.add(new Append(record, done));
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
    try {
      file.close();
    } catch (IOException e) {
      LOG.warn("inbox journal: close failed: {}", e.toString());
    }
  }

  private void write(List<Append> batch) {
    Throwable failure = null;
    try {
      List<byte[]> bytes = new ArrayList<>(batch.size());
      for (Append a : batch) {
        bytes.add(a.record().encode());
      }
      file.appendAndSync(bytes);
      fsyncs.incrementAndGet();
      records.addAndGet(batch.size());
      batch.forEach(a -> state.apply(a.record()));
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

  /**
   * Rewrites the journal as its live content once it has grown past the threshold and to twice
   * its size after the previous compaction, so the cost stays proportional to what was appended.
   */
  private void compactIfLarge() {
    try {
      long size = file.size();
      if (size < compactBytes || size < 2 * sizeAfterCompaction) {
        return;
      }
      List<byte[]> live = state.snapshot(nowMillis.getAsLong(), pendingKeyExpiry.getAsLong()).stream()
          .map(JournalRecord::encode).toList();
      file.replaceWith(live);
      sizeAfterCompaction = file.size();
      compactions.incrementAndGet();
      LOG.info("inbox journal compacted from {} to {} bytes", size, sizeAfterCompaction);
    } catch (IOException e) {
      LOG.warn("inbox journal compaction failed, keeping the long journal: {}", e.toString());
    }
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
}
