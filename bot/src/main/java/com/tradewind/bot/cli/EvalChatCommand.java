package com.tradewind.bot.cli;

import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.MessageEvaluator;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints language, intent and entity accuracy on the held-out chat messages. */
@Command(name = "eval-chat", description = "Language, intent and entity accuracy on config/eval/messages-eval.jsonl.")
final class EvalChatCommand implements Callable<Integer> {

  @Option(names = "--file", defaultValue = "config/eval/messages-eval.jsonl", description = "evaluation set (default: ${DEFAULT-VALUE})")
  Path file;

  @Option(names = "--misses", description = "list the messages that missed")
  boolean misses;

  @Override
  public Integer call() throws Exception {
    TradewindConfig config = TradewindConfig.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    try {
      LanguageDetector detector = new LanguageDetector();
      KnowledgeService knowledge = new KnowledgeService(vertx, config.knowledge(), detector);
      knowledge.start(false).await(120, TimeUnit.SECONDS);
      var report = MessageEvaluator.evaluate(DialogueAssembly.build(config.conversation(), knowledge, detector), file);
      System.out.print(report.table());
      if (misses) {
        report.misses().forEach(System.out::println);
      }
      knowledge.close().await(10, TimeUnit.SECONDS);
      return 0;
    } finally {
      vertx.close();
    }
  }
}
