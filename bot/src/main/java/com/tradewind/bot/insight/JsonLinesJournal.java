package com.tradewind.bot.insight;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one JSON object per line in {@code <data dir>/insight/insight.jsonl}. Chosen
 * over an embedded database because the data is an append-only history read once at start-up:
 * a line append costs microseconds, needs no dependency or schema migration, survives a crash
 * mid-write (a torn last line is skipped on replay) and can be read with {@code jq}. Writes run
 * on a worker, in order and in batches, never on the event loop.
 */
public final class JsonLinesJournal implements InsightJournal {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);
  private final Vertx vertx;
  private final Path file;
  private Writer writer;
  private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();

  public JsonLinesJournal(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public Future<Void> append(JsonObject record) {
    return enqueue(record.encode());
  }

  /** @param line a record, or null for closing the file once everything queued before it is written */
  private Future<Void> enqueue(String line) {
    Promise<Void> done = Promise.promise();
    queue.add(new Pending(line, done));
    if (draining.compareAndSet(false, true)) {
      vertx.executeBlocking(this::drain, false).onFailure(this::failAll);
    }
    return done.future();
  }

  private record Pending(String line, Promise<Void> written) {}

  /**
   * Writes everything queued with one flush: under load many records share a system call and a
   * worker task instead of paying one each, and order is kept because only one drain runs at a time.
   */
  private Void drain() throws IOException {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      for (Pending p; (p = queue.poll()) != null; ) {
        batch.add(p);
      }
      if (!batch.isEmpty()) {
        try {
          synchronized (this) {
            for (Pending p : batch) {
              if (p.line() == null) {
                closeWriter();
                continue;
              }
              if (writer == null) {
                Files.createDirectories(file.getParent());
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
              }
              writer.write(p.line());
              writer.write('\n');
            }
            if (writer != null) {
              writer.flush(); // into the OS: survives a crash of the process, not of the machine
            }
          }
          batch.forEach(p -> p.written().tryComplete());
        } catch (IOException e) {
          batch.forEach(p -> p.written().tryFail(e));
        }
      }
      draining.set(false);
      // a record queued after the poll above but before the flag was cleared must not wait for the next one
      if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
        return null;
      }
    }
  }

  private void failAll(Throwable error) {
    draining.set(false);
    for (Pending p; (p = queue.poll()) != null; ) {
      p.written().tryFail(error);
    }
  }

  @Override
  public void replay(Consumer<JsonObject> sink) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    int bad = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        try {
          sink.accept(new JsonObject(line));
        } catch (DecodeException | ClassCastException e) {
          bad++; // a line torn by a crash mid-write, or edited by hand
        }
      }
    }
    if (bad > 0) {
      LOG.warn("{}: skipped {} unreadable lines", file, bad);
    }
  }

  /**
   * Closes the file after every record appended before this call is written. Closing is queued
   * like a record, behind them, in the same single drain: a close on a task of its own could run
   * before a drain that was only scheduled, and the records it then wrote came after shutdown
   * (a test that read the file right after close, or a torn line written at a crash, lost them).
   */
  @Override
  public Future<Void> close() {
    return enqueue(null);
  }

  private void closeWriter() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
