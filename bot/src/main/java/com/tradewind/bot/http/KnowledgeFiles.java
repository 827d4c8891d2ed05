package com.tradewind.bot.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code GET /kb/<path>}: the source documents that answers cite, so a source can be a link.
 * Only files inside the knowledge folder are served; HTML is sent as plain text so a document
 * can never run script in the chat's origin.
 */
public final class KnowledgeFiles {

  private final Vertx vertx;
  private final Path root;

  public KnowledgeFiles(Vertx vertx, Path root) {
    this.vertx = vertx;
    this.root = root.toAbsolutePath().normalize();
  }

  public void handle(RoutingContext ctx) {
    String rel = ctx.pathParam("*");
    if (rel == null || rel.isBlank()) {
      JsonErrors.send(ctx, 404, "not found");
      return;
    }
    Path file = root.resolve(rel).normalize();
    if (!file.startsWith(root) || file.getFileName().toString().startsWith(".")) {
      JsonErrors.send(ctx, 404, "not found");
      return;
    }
    vertx.executeBlocking(() -> Files.isRegularFile(file) ? Files.readAllBytes(file) : null, false).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        JsonErrors.send(ctx, 404, "not found: " + rel);
        return;
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      String type = name.endsWith(".pdf") ? "application/pdf"
          : name.endsWith(".docx") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          : "text/plain; charset=utf-8";
      ctx.response().putHeader("content-type", type).putHeader("x-content-type-options", "nosniff")
          .end(io.vertx.core.buffer.Buffer.buffer(ar.result()));
    });
  }
}
