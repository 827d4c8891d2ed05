package com.tradewind.bot.cli;

import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.bench.KnowledgeBenchmark;
import com.tradewind.knowledge.search.Glossary;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints indexing rate, search latency, heap and restart time for a generated corpus. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmark indexing and search on a generated corpus of mixed zh/en passages.")
final class BenchCommand implements Callable<Integer> {

  @Mixin
  KnowledgeCommandOptions options;

  @Option(names = "--passages", defaultValue = "100000", description = "corpus size (default: ${DEFAULT-VALUE})")
  int passages;

  @Override
  public Integer call() throws Exception {
    KnowledgeOptions knowledge = options.knowledge();
    Glossary glossary = knowledge.glossaryFile() != null && Files.exists(knowledge.glossaryFile())
        ? Glossary.load(knowledge.glossaryFile()) : Glossary.empty();
    new KnowledgeBenchmark(System.out).run(knowledge.dataDir(), passages, knowledge.chineseAnalysis(), glossary);
    return 0;
  }
}
