package com.tradewind.bot.http;

import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP server: routes, body limits and the JSON failure handler. */
public final class ApiServer {

  private static final long MAX_BODY = 64 * 1024;

  private final Vertx vertx;
  private final HttpOptions options;
  private final KnowledgeService knowledge;
  private HttpServer server;

  public ApiServer(Vertx vertx, HttpOptions options, KnowledgeService knowledge) {
    this.vertx = vertx;
    this.options = options;
    this.knowledge = knowledge;
  }

  public Router router() {
    Router router = Router.router(vertx);
    KnowledgeApi api = new KnowledgeApi(knowledge);
    router.get("/health/live").handler(ctx -> KnowledgeApi.json(ctx, new JsonObject().put("status", "up")));
    router.get("/health/ready").handler(ctx -> {
      boolean ready = knowledge.isReady();
      ctx.response().setStatusCode(ready ? 200 : 503);
      KnowledgeApi.json(ctx, new JsonObject().put("status", ready ? "ready" : "starting")
          .put("checks", new JsonObject().put("knowledgeIndex", ready)));
    });
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.post("/api/v1/ask").handler(api::ask);
    router.get("/api/v1/search").handler(api::search);
    router.route().last().handler(ctx -> JsonErrors.send(ctx, 404, "not found: " + ctx.request().method() + " " + ctx.normalizedPath()));
    router.route().failureHandler(JsonErrors::handleFailure);
    return router;
  }

  /** Starts listening; the future carries the actual port (useful with port 0 in tests). */
  public Future<Integer> start() {
    return vertx.createHttpServer()
        .requestHandler(router())
        .listen(options.port(), options.host())
        .map(s -> {
          server = s;
          return s.actualPort();
        });
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
