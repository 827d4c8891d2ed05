package com.tradewind.bot.http;

import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code POST /api/v1/ask} and {@code GET /api/v1/search}. */
public final class KnowledgeApi {

  public static final int MAX_QUESTION = 2000;
  private final KnowledgeService knowledge;

  public KnowledgeApi(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  public void ask(RoutingContext ctx) {
    JsonObject body = JsonErrors.objectBody(ctx, "a \"q\" field");
    if (body == null) {
      return;
    }
    Object q = body.getValue("q");
    Object lang = body.getValue("lang");
    if (!(q instanceof String question)) {
      JsonErrors.send(ctx, 400, "\"q\" must be a string");
      return;
    }
    if (lang != null && !(lang instanceof String)) {
      JsonErrors.send(ctx, 400, "\"lang\" must be a string when given");
      return;
    }
    String problem = validate(question);
    if (problem != null) {
      JsonErrors.send(ctx, 400, problem);
      return;
    }
    if (!ready(ctx)) {
      return;
    }
    knowledge.ask(question.strip(), (String) lang).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      Answer a = ar.result();
      JsonObject out = new JsonObject()
          .put("answer", a.text())
          .put("language", a.language())
          .put("answerLanguage", a.answerLanguage())
          .put("confidence", Math.round(a.confidence() * 1000) / 1000.0)
          .put("sources", sources(a.sources()));
      json(ctx, out);
    });
  }

  public void search(RoutingContext ctx) {
    String question = ctx.queryParams().get("q");
    if (question == null) {
      JsonErrors.send(ctx, 400, "query parameter q is required");
      return;
    }
    String problem = validate(question);
    if (problem != null) {
      JsonErrors.send(ctx, 400, problem);
      return;
    }
    int k;
    try {
      String kParam = ctx.queryParams().get("k");
      k = kParam == null ? 10 : Integer.parseInt(kParam);
    } catch (NumberFormatException e) {
      k = -1;
    }
    if (k < 1 || k > 100) {
      JsonErrors.send(ctx, 400, "k must be a whole number from 1 to 100");
      return;
    }
    if (!ready(ctx)) {
      return;
    }
    knowledge.search(question.strip(), ctx.queryParams().get("lang"), k).onComplete(ar -> {
      if (ar.failed()) {
        ctx.fail(ar.cause());
        return;
      }
      json(ctx, new JsonObject().put("results", sources(ar.result())));
    });
  }

  static String validate(String question) {
    if (question.isBlank()) {
      return "the question is empty";
    }
    if (question.length() > MAX_QUESTION) {
      return "the question is longer than " + MAX_QUESTION + " characters";
    }
    return null;
  }

  private boolean ready(RoutingContext ctx) {
    if (!knowledge.isReady()) {
      ctx.response().putHeader("retry-after", "2");
      JsonErrors.send(ctx, 503, "the knowledge base is still loading");
      return false;
    }
    return true;
  }

  private static JsonArray sources(List<SearchHit> hits) {
    JsonArray out = new JsonArray();
    for (SearchHit h : hits) {
      out.add(new JsonObject()
          .put("id", h.id())
          .put("title", h.title())
          .put("section", h.section())
          .put("path", h.path())
          .put("language", h.language())
          .put("snippet", h.snippet())
          .put("score", Math.round(h.score() * 1000) / 1000.0));
    }
    return out;
  }

  static void json(RoutingContext ctx, JsonObject body) {
    // straight to bytes: encode() would build a String that end() then encodes to UTF-8 again
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(body.toBuffer());
  }
}
