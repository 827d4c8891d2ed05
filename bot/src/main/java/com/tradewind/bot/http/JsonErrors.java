package com.tradewind.bot.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Every error leaves the server as {@code {"error": "…"}} with a fitting status, never a stack trace. */
public final class JsonErrors {

  private JsonErrors() {}

  public static void send(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .end(new JsonObject().put("error", message).encode());
  }

  /**
   * The request body as a JSON object, or null after answering 400 (not JSON, or JSON that is
   * not an object).
   */
  public static io.vertx.core.json.JsonObject objectBody(RoutingContext ctx, String expected) {
    try {
      io.vertx.core.json.JsonObject body = ctx.body().asJsonObject();
      if (body == null) {
        send(ctx, 400, "body must be a JSON object with " + expected);
      }
      return body;
    } catch (io.vertx.core.json.DecodeException | ClassCastException e) {
      send(ctx, 400, "body must be a JSON object");
      return null;
    }
  }

  /** The router's last resort: failures that no handler turned into a reply. */
  public static void handleFailure(RoutingContext ctx) {
    int status = ctx.statusCode();
    switch (status) {
      case 413 -> send(ctx, 413, "request body too large");
      case 400 -> send(ctx, 400, "bad request");
      case 404 -> send(ctx, 404, "not found");
      case 405 -> send(ctx, 405, "method not allowed");
      default -> {
        org.slf4j.LoggerFactory.getLogger(JsonErrors.class).error("request to {} failed", ctx.normalizedPath(), ctx.failure());
        send(ctx, 500, "internal error");
      }
    }
  }
}
