package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out chat messages (none of them an intent example) through the whole engine with the
 * shipped knowledge base: language, intent and entity accuracy must stay at their targets.
 */
class MessagesEvaluationTest {

  @Test
  void heldOutMessagesMeetTheTargets(@TempDir Path data) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      LanguageDetector detector = new LanguageDetector();
      KnowledgeService knowledge = new KnowledgeService(vertx,
          KnowledgeOptions.of(Path.of("config/knowledge"), data, Path.of("config/glossary.tsv")), detector);
      knowledge.start(false).await(120, TimeUnit.SECONDS);
      DialogueEngine engine = DialogueAssembly.build(new ConversationOptions(Path.of("config/intents"),
          Path.of("config/replies"), Path.of("config/sample-orders.json"), Duration.ofHours(1)), knowledge, detector);
      MessageEvaluator.Report report = MessageEvaluator.evaluate(engine, Path.of("config/eval/messages-eval.jsonl"));
      System.out.print(report.table());
      String misses = String.join("\n", report.misses());
      assertTrue(report.total() >= 150, "held-out set has " + report.total() + " messages");
      assertEquals(14, report.byLanguage().size(), "all 14 languages are evaluated");
      assertTrue(report.languageAccuracy() >= 0.97, "language accuracy " + report.languageAccuracy() + "\n" + misses);
      assertTrue(report.intentAccuracy() >= 0.95, "intent accuracy " + report.intentAccuracy() + "\n" + misses);
      assertEquals(1.0, report.entityAccuracy(), "entities exact\n" + misses);
    } finally {
      vertx.close();
    }
  }
}
