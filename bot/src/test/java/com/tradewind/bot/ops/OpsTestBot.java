package com.tradewind.bot.ops;

import com.tradewind.bot.TestKnowledge;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.metrics.BotMetrics;
import com.tradewind.bot.metrics.MeteredVertx;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The whole bot with the operations features, on port 0 with a temporary data dir. */
public final class OpsTestBot implements AutoCloseable {

  public static final String TOKEN = "test-admin-token-0123456789abcdef";

  public final Vertx vertx;
  public final BotMetrics metrics;
  public final KnowledgeService knowledge;
  public final DialogueEngine engine;
  public final Operations ops;
  public final Path dataDir;
  public final int port;
  private final ApiServer server;

  private OpsTestBot(Path dataDir, String token) throws Exception {
    this.dataDir = dataDir;
    metrics = BotMetrics.create();
    vertx = MeteredVertx.create(metrics);
    Path root = dataDir.getParent();
    Path kb = TestKnowledge.write(root.resolve("kb"));
    LanguageDetector detector = new LanguageDetector();
    knowledge = new KnowledgeService(vertx, KnowledgeOptions.of(kb, dataDir, Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    engine = DialogueAssembly.build(new ConversationOptions(Path.of("config/intents"), Path.of("config/replies"),
        Path.of("config/sample-orders.json"), Duration.ofHours(1)), knowledge, detector);
    server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, engine, kb);
    Map<String, String> env = token == null ? Map.of() : Map.of("TRADEWIND_ADMIN_TOKEN", token);
    ops = Operations.install(vertx, metrics, OpsOptions.load(env, dataDir), env, knowledge, engine, server);
    port = server.start().await(10, TimeUnit.SECONDS);
  }

  /** A bot with a fresh data dir and the admin token set. */
  public static OpsTestBot start() throws Exception {
    return start(Files.createTempDirectory("tradewind-ops-").resolve("data"), TOKEN);
  }

  public static OpsTestBot start(Path dataDir, String token) throws Exception {
    return new OpsTestBot(dataDir, token);
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.stop().await(5, TimeUnit.SECONDS);
    ops.close(vertx).await(5, TimeUnit.SECONDS);
    knowledge.close().await(10, TimeUnit.SECONDS);
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
