package com.tradewind.bot.admin;

import com.tradewind.bot.http.JsonErrors;
import com.tradewind.bot.http.Routes;
import com.tradewind.bot.insight.GapGroup;
import com.tradewind.bot.insight.InsightStore;
import com.tradewind.bot.insight.PassageRef;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.metrics.BotMetrics;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import java.util.Locale;

/**
 * {@code /admin}: the dashboard page and its JSON API. Without a configured token every admin URL
 * answers 503 with how to turn the dashboard on; with one, anything but the login form and the
 * static assets needs the token (bearer header or the login cookie) and answers 401 otherwise.
 */
public final class AdminRoutes implements Routes {

  /** Chart.js as bundled by its webjar (see the root pom); served by the bot, no CDN. */
  static final String CHART_JS = "META-INF/resources/webjars/chart.js/4.5.1/dist";
  private static final int MAX_QUESTION = 2000;
  private static final int MAX_GROUPS = 50;

  private final AdminAuth auth;
  private final InsightStore insight;
  private final BotMetrics metrics;
  private final KnowledgeService knowledge;

  /** @param token the admin token, or null/blank to keep the dashboard off */
  public AdminRoutes(String token, InsightStore insight, BotMetrics metrics, KnowledgeService knowledge) {
    this.auth = token == null || token.isBlank() ? null : new AdminAuth(token);
    this.insight = insight;
    this.metrics = metrics;
    this.knowledge = knowledge;
  }

  @Override
  public void mount(Router router) {
    router.route("/admin*").handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-store").putHeader("X-Content-Type-Options", "nosniff")
          .putHeader("Referrer-Policy", "no-referrer").putHeader("X-Frame-Options", "DENY")
          .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      if (auth == null) {
        off(ctx);
      } else {
        ctx.next();
      }
    });
    router.get("/admin/assets/*").handler(StaticHandler.create("admin").setCachingEnabled(false));
    router.get("/admin/vendor/chartjs/*").handler(StaticHandler.create(CHART_JS).setCachingEnabled(false));
    router.post("/admin/*").handler(BodyHandler.create(false).setBodyLimit(16 * 1024));
    router.post("/admin/login").handler(this::login);
    router.post("/admin/logout").handler(ctx -> ctx.response().addCookie(AdminAuth.expiredCookie())
        .setStatusCode(303).putHeader("Location", "/admin").end());
    router.route("/admin*").handler(this::guard);
    router.get("/admin").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .sendFile("admin/index.html"));
    router.get("/admin/").handler(ctx -> ctx.redirect("/admin"));
    router.get("/admin/api/summary").handler(this::summary);
    router.post("/admin/api/try").handler(this::tryQuestion);
    router.post("/admin/api/reindex").handler(this::reindex);
    router.route("/admin/*").handler(ctx -> JsonErrors.send(ctx, 404, "not found: " + ctx.normalizedPath()));
  }

  private static void off(RoutingContext ctx) {
    ctx.response().setStatusCode(503).putHeader("content-type", "text/html; charset=utf-8")
        .end(AdminPages.off());
  }

  private void guard(RoutingContext ctx) {
    if (auth.allowed(ctx)) {
      boolean byCookie = ctx.request().getHeader("Authorization") == null;
      if (byCookie && ctx.request().method() == io.vertx.core.http.HttpMethod.POST
          && ctx.normalizedPath().startsWith("/admin/api/")
          && !String.valueOf(ctx.request().getHeader("Content-Type")).startsWith("application/json")) {
        // a cross-site form cannot send JSON without a CORS preflight: with SameSite=Strict, a second lock
        JsonErrors.send(ctx, 415, "the admin API takes application/json bodies");
        return;
      }
      ctx.next();
    } else if (ctx.normalizedPath().startsWith("/admin/api/")) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tradewind-admin\"");
      JsonErrors.send(ctx, 401, "admin token required: Authorization: Bearer <TRADEWIND_ADMIN_TOKEN>");
    } else {
      ctx.response().setStatusCode(401).putHeader("content-type", "text/html; charset=utf-8")
          .putHeader("WWW-Authenticate", "Bearer realm=\"tradewind-admin\"").end(AdminPages.login(false));
    }
  }

  private void login(RoutingContext ctx) {
    String token = ctx.request().getFormAttribute("token");
    if (!auth.matches(token == null ? null : token.strip())) {
      ctx.response().setStatusCode(401).putHeader("content-type", "text/html; charset=utf-8").end(AdminPages.login(true));
      return;
    }
    boolean secure = ctx.request().isSSL()
        || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    ctx.response().addCookie(auth.sessionCookie(secure)).setStatusCode(303).putHeader("Location", "/admin").end();
  }

  private void summary(RoutingContext ctx) {
    int days = 14;
    String param = ctx.request().getParam("days");
    if (param != null) {
      try {
        days = Integer.parseInt(param);
      } catch (NumberFormatException e) {
        days = -1;
      }
      if (days < 1 || days > 366) {
        JsonErrors.send(ctx, 400, "\"days\" must be a whole number from 1 to 366");
        return;
      }
    }
    JsonObject out = insight.summary(days);
    JsonArray groups = new JsonArray();
    insight.groups().stream().limit(MAX_GROUPS).forEach(g -> groups.add(group(g)));
    out.put("groups", groups);
    JsonObject backends = new JsonObject();
    metrics.backendCalls().forEach((provider, outcomes) -> backends.put(provider, new JsonObject(
        new java.util.LinkedHashMap<>(outcomes))));
    JsonObject circuits = new JsonObject();
    metrics.circuitStates().forEach((provider, state) -> circuits.put(provider, state.name().toLowerCase(Locale.ROOT)));
    out.put("backends", backends).put("circuits", circuits)
        .put("answerCacheHitRate", knowledge.answerCacheHitRate())
        .put("knowledgeReady", knowledge.isReady());
    json(ctx, out);
  }

  private static JsonObject group(GapGroup g) {
    JsonArray passages = new JsonArray();
    for (PassageRef p : g.passages()) {
      passages.add(new JsonObject().put("title", p.title()).put("section", p.section()).put("path", p.path())
          .put("url", "/kb/" + p.path()).put("score", Math.round(p.score() * 1000) / 1000.0));
    }
    return new JsonObject().put("label", g.label()).put("count", g.count()).put("unanswered", g.unanswered())
        .put("downvoted", g.downvoted()).put("languages", new JsonArray(List.copyOf(g.languages())))
        .put("examples", new JsonArray(g.examples())).put("passages", passages)
        .put("lastSeen", g.lastSeen().toString());
  }

  private void tryQuestion(RoutingContext ctx) {
    JsonObject body = JsonErrors.objectBody(ctx, "\"q\"");
    if (body == null) {
      return;
    }
    Object q = body.getValue("q");
    Object lang = body.getValue("lang");
    if (!(q instanceof String question) || question.isBlank()) {
      JsonErrors.send(ctx, 400, "\"q\" must be a non-empty string");
      return;
    }
    if (question.length() > MAX_QUESTION) {
      JsonErrors.send(ctx, 400, "\"q\" is longer than " + MAX_QUESTION + " characters");
      return;
    }
    if (lang != null && !(lang instanceof String s && s.matches("[A-Za-z]{2,3}(-[A-Za-z]{2,8})?"))) {
      JsonErrors.send(ctx, 400, "\"lang\" must be a language code such as \"en\" or \"zh\"");
      return;
    }
    if (!knowledge.isReady()) {
      JsonErrors.send(ctx, 503, "the knowledge index is still being built");
      return;
    }
    String language = (String) lang;
    Future.all(knowledge.search(question, language, 8), knowledge.ask(question, language)).onComplete(ar -> {
      if (ar.failed()) {
        JsonErrors.send(ctx, 500, "search failed");
        return;
      }
      List<SearchHit> hits = ar.result().resultAt(0);
      com.tradewind.knowledge.search.Answer answer = ar.result().resultAt(1);
      JsonArray passages = new JsonArray();
      for (SearchHit h : hits) {
        passages.add(new JsonObject().put("title", h.title()).put("section", h.section()).put("path", h.path())
            .put("url", "/kb/" + h.path()).put("language", h.language()).put("snippet", h.snippet())
            .put("score", Math.round(h.score() * 1000) / 1000.0));
      }
      json(ctx, new JsonObject().put("question", question).put("language", answer.language())
          .put("answer", answer.text()).put("confidence", Math.round(answer.confidence() * 1000) / 1000.0)
          .put("passages", passages));
    });
  }

  private void reindex(RoutingContext ctx) {
    knowledge.refresh().onComplete(ar -> {
      if (ar.failed()) {
        JsonErrors.send(ctx, 503, "re-index failed: " + ar.cause().getMessage());
        return;
      }
      json(ctx, new JsonObject().put("summary", ar.result().summary()).put("passages", ar.result().passages())
          .put("changed", ar.result().changedAnything()).put("skipped", new JsonArray(ar.result().skipped())));
    });
  }

  private static void json(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
  }
}
