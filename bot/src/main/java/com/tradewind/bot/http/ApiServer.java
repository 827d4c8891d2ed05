package com.tradewind.bot.http;

import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.knowledge.KnowledgeService;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/** The HTTP server: routes, body limits and the JSON failure handler. */
public final class ApiServer {

  private static final long MAX_BODY = 64 * 1024;
  private static final int MAX_REQUEST_LINE = 32 * 1024;

  private final Vertx vertx;
  private final HttpOptions options;
  private final KnowledgeService knowledge;
  private HttpServer server;

  private final Dialogue dialogue;
  private final java.nio.file.Path knowledgeDir;
  private final java.util.List<Routes> features = new java.util.ArrayList<>();
  private final java.util.Map<String, java.util.function.BooleanSupplier> readiness = new java.util.LinkedHashMap<>();

  /** The knowledge endpoints only (tests of the knowledge API). */
  public ApiServer(Vertx vertx, HttpOptions options, KnowledgeService knowledge) {
    this(vertx, options, knowledge, null, null);
  }

  /** The whole bot: knowledge, conversations, the web chat page and the cited documents. */
  public ApiServer(Vertx vertx, HttpOptions options, KnowledgeService knowledge, Dialogue dialogue,
      java.nio.file.Path knowledgeDir) {
    this.vertx = vertx;
    this.options = options;
    this.knowledge = knowledge;
    this.dialogue = dialogue;
    this.knowledgeDir = knowledgeDir;
  }

  private com.tradewind.bot.commerce.CustomerTokens customerTokens;

  /** Verifies the web chat's optional {@code customer_token}; null: no token is accepted. */
  public ApiServer customerTokens(com.tradewind.bot.commerce.CustomerTokens tokens) {
    this.customerTokens = tokens;
    return this;
  }

  /** Adds a feature's routes; call before {@link #start}. */
  public ApiServer with(Routes routes) {
    features.add(routes);
    return this;
  }

  /** Adds a readiness check reported by {@code /health/ready}; all must hold for a 200. */
  public ApiServer readyWhen(String name, java.util.function.BooleanSupplier check) {
    readiness.put(name, check);
    return this;
  }

  public Router router() {
    Router router = Router.router(vertx);
    KnowledgeApi api = new KnowledgeApi(knowledge);
    router.get("/health/live").handler(ctx -> KnowledgeApi.json(ctx, new JsonObject().put("status", "up")));
    router.get("/health/ready").handler(ctx -> {
      JsonObject checks = new JsonObject().put("knowledgeIndex", knowledge.isReady());
      readiness.forEach((name, check) -> checks.put(name, check.getAsBoolean()));
      boolean ready = checks.stream().allMatch(e -> Boolean.TRUE.equals(e.getValue()));
      ctx.response().setStatusCode(ready ? 200 : 503);
      KnowledgeApi.json(ctx, new JsonObject().put("status", ready ? "ready" : "starting").put("checks", checks));
    });
    router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.post("/api/v1/ask").handler(api::ask);
    router.get("/api/v1/search").handler(api::search);
    features.forEach(f -> f.mount(router));
    if (dialogue != null) {
      router.post("/api/v1/messages").handler(new MessagesApi(dialogue, customerTokens)::handle);
      router.get("/kb/*").handler(new KnowledgeFiles(vertx, knowledgeDir)::handle);
      router.get("/*").handler(io.vertx.ext.web.handler.StaticHandler.create("webroot").setCachingEnabled(false));
    }
    router.route().last().handler(ctx -> JsonErrors.send(ctx, 404, "not found: " + ctx.request().method() + " " + ctx.normalizedPath()));
    router.route().failureHandler(JsonErrors::handleFailure);
    return router;
  }

  /** Starts listening; the future carries the actual port (useful with port 0 in tests). */
  public Future<Integer> start() {
    // A search URL carrying a question of the maximum length (2000 characters, up to 12 bytes
    // each once percent-encoded) must reach validation instead of failing at the protocol level.
    HttpServerOptions serverOptions = new HttpServerOptions().setMaxInitialLineLength(MAX_REQUEST_LINE);
    return vertx.createHttpServer(serverOptions)
        .requestHandler(router())
        .invalidRequestHandler(ApiServer::invalidRequest)
        .listen(options.port(), options.host())
        .map(s -> {
          server = s;
          return s.actualPort();
        });
  }

  /** Requests Vert.x cannot parse (line or headers too long, bad syntax) still get a JSON error. */
  private static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status = cause instanceof TooLongHttpLineException ? 414
        : cause instanceof TooLongHttpHeaderException ? 431 : 400;
    request.response().setStatusCode(status)
        .putHeader("content-type", "application/json; charset=utf-8")
        .putHeader("connection", "close") // so that keep-alive clients do not reuse it
        .end(new JsonObject().put("error", status == 414 ? "request line too long" : status == 431
            ? "request headers too large" : "malformed request").encode())
        .onComplete(v -> request.connection().close());
  }

  public Future<Void> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
