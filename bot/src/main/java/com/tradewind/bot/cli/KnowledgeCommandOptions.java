package com.tradewind.bot.cli;

import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.index.ChineseAnalysis;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that open the knowledge base. */
final class KnowledgeCommandOptions {

  @Option(names = "--knowledge", paramLabel = "DIR", description = "knowledge folder (default: knowledge.dir)")
  Path knowledgeDir;

  @Option(names = "--data", paramLabel = "DIR", description = "data folder (default: data.dir)")
  Path dataDir;

  @Option(names = "--zh-analysis", paramLabel = "smartcn|bigram", description = "Chinese analysis (default: knowledge.chinese-analysis)")
  String chineseAnalysis;

  TradewindConfig config() {
    return TradewindConfig.load(System.getenv());
  }

  KnowledgeOptions knowledge() {
    KnowledgeOptions base = config().knowledge();
    KnowledgeOptions options = new KnowledgeOptions(
        knowledgeDir != null ? knowledgeDir : base.knowledgeDir(),
        dataDir != null ? dataDir : base.dataDir(),
        base.glossaryFile(), base.chineseAnalysis(), base.maxFileBytes(), base.search());
    if (chineseAnalysis != null) {
      options = options.withChineseAnalysis(ChineseAnalysis.valueOf(chineseAnalysis.toUpperCase(java.util.Locale.ROOT)));
    }
    return options;
  }
}
