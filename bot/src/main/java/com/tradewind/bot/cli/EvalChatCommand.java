package com.tradewind.bot.cli;

import com.tradewind.bot.conversation.MessageEvaluator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints language, intent and entity accuracy on the held-out chat messages. */
@Command(name = "eval-chat", mixinStandardHelpOptions = true, description = "Language, intent and entity accuracy on config/eval/messages-eval.jsonl.")
final class EvalChatCommand implements Callable<Integer> {

  @Option(names = "--file", defaultValue = "config/eval/messages-eval.jsonl", description = "evaluation set (default: ${DEFAULT-VALUE})")
  Path file;

  @Option(names = "--misses", description = "list the messages that missed")
  boolean misses;

  @Override
  public Integer call() throws Exception {
    try (BotRuntime bot = BotRuntime.start()) {
      var report = MessageEvaluator.evaluate(bot.dialogue(), file);
      System.out.print(report.table());
      if (misses) {
        report.misses().forEach(System.out::println);
      }
      return 0;
    }
  }
}
