package com.tradewind.bot.cli;

import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** Starts the HTTP server; the index is built or refreshed in the background. */
@Command(name = "serve", description = "Start the bot: HTTP API and health checks.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Override
  public Integer call() throws Exception {
    TradewindConfig config = TradewindConfig.load(System.getenv());
    var opsOptions = com.tradewind.bot.ops.OpsOptions.load(System.getenv(), config.knowledge().dataDir());
    var metrics = com.tradewind.bot.metrics.BotMetrics.create();
    Vertx vertx = com.tradewind.bot.metrics.MeteredVertx.create(metrics);
    // Language models load in the background: the index alone decides readiness, and Han, kana,
    // Hangul and Arabic questions never need the models.
    LanguageDetector detector = new LanguageDetector(false);
    KnowledgeService knowledge = new KnowledgeService(vertx, config.knowledge(), detector);
    var dialogue = com.tradewind.bot.conversation.DialogueAssembly.build(config.conversation(), knowledge, detector);
    ApiServer server = new ApiServer(vertx, config.http(), knowledge, dialogue, config.knowledge().knowledgeDir());
    var ops = com.tradewind.bot.ops.Operations.install(vertx, metrics, opsOptions, System.getenv(), knowledge, dialogue,
        server);
    int port;
    try {
      port = server.start().await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalArgumentException("cannot listen on " + config.http().host() + ":" + config.http().port()
          + " (" + e.getMessage() + "); set TRADEWIND_HTTP_PORT to a free port");
    }
    LOG.info("Tradewind listening on http://localhost:{}/", port);
    knowledge.start(config.watchKnowledge())
        .compose(report -> vertx.executeBlocking(() -> {
          detector.warmUp(); // after the index, so the two do not compete for the CPU
          return null;
        }, false))
        .onSuccess(v -> LOG.info("language models loaded"))
        .onFailure(e -> {
      LOG.error("the knowledge base cannot be opened: {}", e.getMessage());
      vertx.close().onComplete(v -> System.exit(1));
    });
    // SIGTERM: stop accepting, close the index, then Vert.x; each step awaited from this plain
    // thread so no completion is dispatched to an event loop that is already gone.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.stop().await(5, TimeUnit.SECONDS);
        knowledge.close().await(10, TimeUnit.SECONDS);
        ops.close(vertx).await(5, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        LOG.warn("unclean shutdown: {}", e.toString());
      }
    }, "tradewind-shutdown"));
    return 0;
  }
}
