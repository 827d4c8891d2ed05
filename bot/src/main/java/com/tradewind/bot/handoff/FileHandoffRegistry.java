package com.tradewind.bot.handoff;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hand-off cases of a single node, kept in memory and saved as one small JSON file under the data
 * folder after every change (written next to it, synced, then moved over it, so a crash leaves the
 * old or the new file, never half of one). Open cases are few, so rewriting the file is cheaper
 * than keeping a log.
 */
public final class FileHandoffRegistry implements HandoffRegistry {

  private final Vertx vertx;
  private final Path file;
  private final Map<String, HandoffCase> cases = new ConcurrentHashMap<>();

  /** Loads the saved cases; an unreadable file fails start-up, naming it. */
  public FileHandoffRegistry(Vertx vertx, Path file) {
    this.vertx = vertx;
    this.file = file;
    if (Files.exists(file)) {
      try {
        JsonArray saved = new JsonArray(Files.readString(file, StandardCharsets.UTF_8));
        for (int i = 0; i < saved.size(); i++) {
          HandoffCase c = HandoffCase.fromJson(saved.getJsonObject(i));
          cases.put(c.conversationId(), c);
        }
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read the hand-off file " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Future<Void> put(HandoffCase handoff) {
    cases.put(handoff.conversationId(), handoff);
    return save();
  }

  @Override
  public Future<Optional<HandoffCase>> byConversation(String conversationId) {
    return Future.succeededFuture(Optional.ofNullable(cases.get(conversationId)));
  }

  @Override
  public Future<Optional<HandoffCase>> byThread(String threadId) {
    return Future.succeededFuture(cases.values().stream()
        .filter(c -> threadId != null && threadId.equals(c.threadId())).findFirst());
  }

  @Override
  public Future<Optional<HandoffCase>> remove(String conversationId) {
    HandoffCase removed = cases.remove(conversationId);
    return removed == null ? Future.succeededFuture(Optional.empty()) : save().map(v -> Optional.of(removed));
  }

  @Override
  public Future<List<HandoffCase>> all() {
    return Future.succeededFuture(new ArrayList<>(cases.values()));
  }

  /** Ordered on one worker queue, so an older snapshot never overwrites a newer one. */
  private Future<Void> save() {
    return vertx.executeBlocking(() -> {
      JsonArray out = new JsonArray();
      cases.values().forEach(c -> out.add(c.toJson()));
      write(out.encode().getBytes(StandardCharsets.UTF_8));
      return null;
    }, true);
  }

  private void write(byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save hand-offs to " + file, e);
    }
  }

  /** For tests: a JSON view of what is stored. */
  JsonObject snapshot() {
    JsonObject out = new JsonObject();
    cases.forEach((k, v) -> out.put(k, v.toJson()));
    return out;
  }
}
