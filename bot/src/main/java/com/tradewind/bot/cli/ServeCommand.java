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
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the bot: HTTP API and health checks.")
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
  private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

  @Override
  public Integer call() throws Exception {
    // Start-up is mostly class loading and one-off work, one thread at a time: Vert.x (with its
    // metrics), the index and the intent classifier each get a thread of their own, and this one
    // joins them where it needs them.
    var engine = StartupTask.start("vertx-start", () -> {
      var registry = com.tradewind.bot.metrics.BotMetrics.create();
      return java.util.Map.entry(registry, com.tradewind.bot.metrics.MeteredVertx.create(registry));
    });
    // A bad value fails here with exit code 2 (TradewindCommand.main exits, Vert.x or not).
    TradewindConfig config = TradewindConfig.load(System.getenv());
    var opsOptions = com.tradewind.bot.ops.OpsOptions.load(System.getenv(), config.knowledge().dataDir());
    // Language models load in the background: the index alone decides readiness, and Han, kana,
    // Hangul and Arabic questions never need the models.
    LanguageDetector detector = new LanguageDetector(false);
    var opening = StartupTask.start("knowledge-open", () -> KnowledgeService.openIndex(config.knowledge(), detector));
    var dialogueData = StartupTask.start("dialogue-load",
        () -> com.tradewind.bot.conversation.DialogueData.load(config.conversation()));
    var metrics = engine.get().getKey();
    Vertx vertx = engine.get().getValue();
    KnowledgeService knowledge = new KnowledgeService(vertx, config.knowledge(), detector, opening.future());
    // Before the HTTP server: a data folder that cannot hold the inbox journal stops start-up here.
    var delivery = com.tradewind.bot.delivery.setup.Delivery.start(vertx, config.delivery(), config.conversation(),
        config.knowledge().dataDir());
    LOG.info("inbox: {}", delivery.description());
    var commerce = com.tradewind.bot.commerce.CommerceAssembly.fromEnv(vertx, System.getenv(),
        config.conversation().sampleOrders());
    var dialogue = com.tradewind.bot.conversation.DialogueAssembly.build(dialogueData.get(), knowledge, detector,
        delivery.conversations(), commerce.desk());
    var handoff = com.tradewind.bot.handoff.HandoffAssembly.build(vertx, config, dialogue, delivery.redis(),
        java.time.Clock.systemUTC()).start();
    ApiServer server = new ApiServer(vertx, config.http(), knowledge, handoff.dialogue(),
        config.knowledge().knowledgeDir()).with(handoff.routes()).readyWhen("inbox", delivery.ready())
        .customerTokens(commerce.tokens());
    var ops = com.tradewind.bot.ops.Operations.install(vertx, metrics, opsOptions, System.getenv(), knowledge, dialogue,
        server);
    com.tradewind.bot.metrics.ConnectorMetrics.listen(vertx, metrics);
    com.tradewind.bot.channels.FeedbackRecorder slackVotes = (answer, vote, user, channel) -> ops.feedback()
        .record(answer, com.tradewind.bot.insight.FeedbackRecorder.Vote.valueOf(vote.name()), user, channel).mapEmpty();
    var slack = com.tradewind.bot.channels.slack.SlackConnector.install(vertx, System.getenv(), handoff.dialogue(),
        server, delivery.inbox(), slackVotes, handoff.service(), config.handoff().slackChannel());
    com.tradewind.bot.channels.whatsapp.WhatsAppChannel.install(vertx, server, handoff.dialogue(),
        dialogue.replies(), System.getenv(),
        delivery.inbox()).ifPresent(whatsapp -> handoff.service().relay("whatsapp", whatsapp.buyerRelay()));
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
          if (stopping.get()) {
            return; // SIGTERM closed the index under the first refresh: not a failure to report
          }
          LOG.error("the knowledge base cannot be opened: {}", e.getMessage());
          // System.exit waits for the shutdown hook, which waits for Vert.x: never call it on an event loop.
          new Thread(() -> System.exit(1), "tradewind-exit").start();
        });
    // SIGTERM: stop accepting, close the index, then Vert.x; each step awaited from this plain
    // thread so no completion is dispatched to an event loop that is already gone.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopping.set(true);
      try {
        server.stop().await(5, TimeUnit.SECONDS);
        slack.stop().await(10, TimeUnit.SECONDS);
        delivery.close().await(10, TimeUnit.SECONDS);
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
