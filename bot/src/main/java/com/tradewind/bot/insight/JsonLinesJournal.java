package com.tradewind.bot.insight;

import io.vertx.core.Future;
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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store: one JSON object per line in {@code <data dir>/insight/insight.jsonl}. Chosen
 * over an embedded database because the data is an append-only history read once at start-up:
 * a line append costs microseconds, needs no dependency or schema migration, survives a crash
 * mid-write (a torn last line is skipped on replay) and can be read with {@code jq}. Writes run
 * on a worker, in order, never on the event loop.
 */
public final class JsonLinesJournal implements InsightJournal {

  private static final Logger LOG = LoggerFactory.getLogger(JsonLinesJournal.class);
  private final Vertx vertx;
  private final Path file;
  private Writer writer;

  public JsonLinesJournal(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
  }

  public Path file() {
    return file;
  }

  @Override
  public Future<Void> append(JsonObject record) {
    String line = record.encode() + "\n";
    return vertx.executeBlocking(() -> {
      synchronized (this) {
        if (writer == null) {
          Files.createDirectories(file.getParent());
          writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
        writer.write(line);
        writer.flush(); // into the OS: survives a crash of the process, not of the machine
      }
      return null;
    }, true);
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

  @Override
  public Future<Void> close() {
    return vertx.executeBlocking(() -> {
      synchronized (this) {
        if (writer != null) {
          writer.close();
          writer = null;
        }
      }
      return null;
    }, true);
  }
}
