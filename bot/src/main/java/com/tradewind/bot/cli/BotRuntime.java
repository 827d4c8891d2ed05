package com.tradewind.bot.cli;

import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * The bot without its HTTP server, for the commands that talk to the engine directly (chat,
 * evaluation, benchmarks): Vert.x, the knowledge base brought up to date, the dialogue engine.
 */
record BotRuntime(TradewindConfig config, Vertx vertx, KnowledgeService knowledge, DialogueEngine dialogue,
    LanguageDetector detector) implements AutoCloseable {

  static BotRuntime start() throws Exception {
    return start(new LanguageDetector());
  }

  static BotRuntime start(LanguageDetector detector) throws Exception {
    TradewindConfig config = TradewindConfig.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    try {
      KnowledgeService knowledge = new KnowledgeService(vertx, config.knowledge(), detector);
      knowledge.start(false).await(120, TimeUnit.SECONDS);
      var commerce = com.tradewind.bot.commerce.CommerceAssembly.fromEnv(vertx, System.getenv(),
          config.conversation().sampleOrders());
      return new BotRuntime(config, vertx, knowledge,
          DialogueAssembly.build(config.conversation(), knowledge, detector, commerce.desk()), detector);
    } catch (Exception e) {
      vertx.close();
      throw e;
    }
  }

  @Override
  public void close() throws Exception {
    try {
      knowledge.close().await(10, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }
}
