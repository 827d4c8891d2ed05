package com.tradewind.bot.cli;

import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.RefreshReport;
import com.tradewind.knowledge.lang.LanguageDetector;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Builds or refreshes the index and prints what it did. */
@Command(name = "index", mixinStandardHelpOptions = true, description = "Build or refresh the knowledge index and print counts.")
final class IndexCommand implements Callable<Integer> {

  @Mixin
  KnowledgeCommandOptions options;

  @Override
  public Integer call() throws Exception {
    try (KnowledgeBase kb = KnowledgeBase.open(options.knowledge(), new LanguageDetector())) {
      RefreshReport report = kb.refresh();
      System.out.println(report.summary());
      for (String skipped : report.skipped()) {
        System.out.println("skipped " + skipped);
      }
      return 0;
    }
  }
}
