package com.tradewind.bot.cli;

import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.eval.EvalReport;
import com.tradewind.knowledge.eval.KnowledgeEvaluator;
import com.tradewind.knowledge.lang.LanguageDetector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints hit@1, hit@3 and answer accuracy per language for an evaluation set. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure answer quality on the evaluation set (hit@1, hit@3, accuracy per language).")
final class EvalCommand implements Callable<Integer> {

  @Mixin
  KnowledgeCommandOptions options;

  @Option(names = "--file", paramLabel = "JSONL", defaultValue = "config/eval/knowledge-eval.jsonl",
      description = "evaluation set (default: ${DEFAULT-VALUE})")
  Path file;

  @Option(names = "--misses", description = "list the questions that missed")
  boolean misses;

  @Option(names = "--sweep", description = "also print accuracy and rejection for a range of min-coverage thresholds")
  boolean sweep;

  @Override
  public Integer call() throws Exception {
    var questions = KnowledgeEvaluator.load(file);
    if (sweep) {
      var base = options.knowledge();
      var always = base.withSearch(new com.tradewind.knowledge.search.SearchOptions(0, base.search().expansionBoost(),
          base.search().maxAnswerSentences()));
      try (KnowledgeBase kb = KnowledgeBase.open(always, new LanguageDetector())) {
        kb.refresh();
        System.out.print(KnowledgeEvaluator.sweep(kb, questions, new double[] {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6}));
      }
    }
    try (KnowledgeBase kb = KnowledgeBase.open(options.knowledge(), new LanguageDetector())) {
      kb.refresh();
      long start = System.nanoTime();
      EvalReport report = KnowledgeEvaluator.evaluate(kb, questions);
      long micros = (System.nanoTime() - start) / 1000 / Math.max(1, questions.size());
      System.out.println("Chinese analysis: " + kb.options().chineseAnalysis() + ", " + questions.size()
          + " questions, " + micros + " µs per question");
      System.out.print(report.table());
      if (misses) {
        report.misses().forEach(System.out::println);
      }
      return 0;
    }
  }
}
