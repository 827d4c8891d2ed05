package com.tradewind.bot.http;

import com.tradewind.bot.commerce.CustomerTokens;
import com.tradewind.bot.conversation.Asker;
import com.tradewind.bot.conversation.BotReply;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** {@code POST /api/v1/messages}: one chat message in, the bot's understanding and reply out. */
public final class MessagesApi {

  public static final int MAX_TEXT = 4000;
  private static final int MAX_ID = 200;
  private final Dialogue engine;
  private final CustomerTokens tokens;

  public MessagesApi(Dialogue engine) {
    this(engine, null);
  }

  /** @param tokens verifies {@code customer_token}; null when the shop has configured no secret */
  public MessagesApi(Dialogue engine, CustomerTokens tokens) {
    this.engine = engine;
    this.tokens = tokens;
  }

  public void handle(RoutingContext ctx) {
    JsonObject body = JsonErrors.objectBody(ctx, "\"user\" and \"text\"");
    if (body == null) {
      return;
    }
    String problem = firstProblem(body);
    if (problem != null) {
      JsonErrors.send(ctx, 400, problem);
      return;
    }
    String channel = body.getString("channel", "web");
    String customerId = null;
    String token = body.getString("customer_token");
    if (token != null) {
      Optional<String> verified = tokens == null ? Optional.empty() : tokens.verify(token);
      if (verified.isEmpty()) {
        JsonErrors.send(ctx, 401, "customer_token is invalid or expired");
        return;
      }
      customerId = verified.get();
    }
    // Whatever "channel" the body claims, this endpoint only knows what the token proves: the
    // asker is a web-chat user (a claimed "slack" or "cli" must not unlock staff access).
    Asker asker = new Asker("web", null, null, null, customerId);
    IncomingMessage message = new IncomingMessage(channel, body.getString("user"), body.getString("conversation"),
        body.getString("text"), body.getString("action"), asker);
    engine.handle(message).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      KnowledgeApi.json(ctx, toJson(ar.result()));
    });
  }

  static String firstProblem(JsonObject body) {
    for (String field : new String[] {"user", "text", "channel", "conversation", "action", "customer_token"}) {
      Object value = body.getValue(field);
      if (value != null && !(value instanceof String)) {
        return "\"" + field + "\" must be a string";
      }
    }
    String user = body.getString("user");
    if (user == null || user.isBlank()) {
      return "\"user\" is required";
    }
    String conversation = body.getString("conversation"); // null when absent or explicitly null
    if (user.length() > MAX_ID || conversation != null && conversation.length() > MAX_ID) {
      return "\"user\" and \"conversation\" must be at most " + MAX_ID + " characters";
    }
    String text = body.getString("text");
    if (text == null) {
      return "\"text\" is required";
    }
    if (text.isBlank()) {
      return "\"text\" is empty";
    }
    if (text.length() > MAX_TEXT) {
      return "\"text\" is longer than " + MAX_TEXT + " characters";
    }
    return null;
  }

  static JsonObject toJson(Turn turn) {
    JsonObject out = new JsonObject()
        .put("conversation", turn.conversationId())
        .put("language", turn.language())
        .put("reply", turn.reply() == null ? null : reply(turn.reply()))
        .put("intent", turn.intent())
        .put("confidence", turn.confidence())
        .put("entities", new JsonObject(new java.util.LinkedHashMap<>(turn.entities())))
        .put("handoff", turn.handoff());
    out.put("sources", turn.reply() == null ? new JsonArray() : out.getJsonObject("reply").getJsonArray("sources"));
    return out;
  }

  private static JsonObject reply(BotReply reply) {
    JsonArray buttons = new JsonArray();
    reply.buttons().forEach(b -> buttons.add(new JsonObject().put("id", b.id()).put("label", b.label())));
    JsonArray sources = new JsonArray();
    reply.sources().forEach(s -> sources.add(new JsonObject().put("title", s.title()).put("section", s.section())
        .put("path", s.path()).put("url", s.url())));
    JsonObject out = new JsonObject().put("text", reply.text()).put("language", reply.language()).put("buttons", buttons)
        .put("sources", sources);
    if (reply.answerId() != null) {
      out.put("answerId", reply.answerId()); // what 👍/👎 refer to (also in the buttons' ids)
    }
    return out;
  }
}
