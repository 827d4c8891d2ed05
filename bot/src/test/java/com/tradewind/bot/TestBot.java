package com.tradewind.bot;

import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The real bot for tests: the {@link TestKnowledge} documents indexed in a temp folder, and the
 * dialogue engine with the shipped intents, replies and sample orders.
 */
public record TestBot(KnowledgeService knowledge, DialogueEngine engine, LanguageDetector detector, Path kb) {

  public static final ConversationOptions OPTIONS = new ConversationOptions(Path.of("config/intents"),
      Path.of("config/replies"), Path.of("config/sample-orders.json"), Duration.ofHours(1));

  public static TestBot start(Vertx vertx) throws Exception {
    return start(vertx, new LanguageDetector());
  }

  /** @param detector a detector whose models may not be loaded yet, as in the first seconds of {@code serve} */
  public static TestBot start(Vertx vertx, LanguageDetector detector) throws Exception {
    Path root = Files.createTempDirectory("tradewind-bot");
    Path kb = TestKnowledge.write(root.resolve("kb"));
    KnowledgeService knowledge = new KnowledgeService(vertx,
        KnowledgeOptions.of(kb, root.resolve("data"), Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    return new TestBot(knowledge, DialogueAssembly.build(OPTIONS, knowledge, detector), detector, kb);
  }
}
