package com.tradewind.bot.handoff;

import com.tradewind.bot.http.JsonErrors;
import com.tradewind.bot.http.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/conversations/:id/updates?after=N}: what staff wrote to a web chat
 * conversation after message N, and whether a person still has it. The web chat polls this
 * during a hand-off.
 */
public final class HandoffRoutes implements Routes {

  private static final int MAX_ID = 220;
  private final HandoffService handoffs;
  private final WebChatMailbox mailbox;

  public HandoffRoutes(HandoffService handoffs, WebChatMailbox mailbox) {
    this.handoffs = handoffs;
    this.mailbox = mailbox;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/conversations/:id/updates").handler(this::updates);
  }

  private void updates(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (id == null || id.isBlank() || id.length() > MAX_ID) {
      JsonErrors.send(ctx, 400, "conversation id must be 1 to " + MAX_ID + " characters");
      return;
    }
    long after;
    try {
      after = Long.parseLong(ctx.request().getParam("after", "0"));
    } catch (NumberFormatException e) {
      JsonErrors.send(ctx, 400, "\"after\" must be a whole number");
      return;
    }
    var open = handoffs.registry().byConversation(id);
    var letters = mailbox.after(id, after);
    io.vertx.core.Future.all(open, letters).onComplete(ar -> {
      if (ar.failed()) {
        JsonErrors.send(ctx, 503, "hand-off state is unavailable, try again");
        return;
      }
      JsonArray messages = new JsonArray();
      letters.result().forEach(l -> messages.add(new JsonObject().put("seq", l.seq()).put("from", l.from())
          .put("text", l.text()).put("time", l.time().toString())));
      ctx.response().putHeader("content-type", "application/json; charset=utf-8")
          .putHeader("cache-control", "no-store")
          .end(new JsonObject().put("handoff", open.result().isPresent()).put("messages", messages).encode());
    });
  }
}
