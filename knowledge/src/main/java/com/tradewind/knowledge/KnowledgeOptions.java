package com.tradewind.knowledge;

import com.tradewind.knowledge.index.ChineseAnalysis;
import com.tradewind.knowledge.search.SearchOptions;
import java.nio.file.Path;

/**
 * Where the knowledge base reads and writes, and how it analyses text.
 *
 * @param knowledgeDir the folder of source documents
 * @param dataDir where the index, manifest and extraction cache live
 * @param glossaryFile the cross-language glossary (TSV), or null for none
 * @param chineseAnalysis how Chinese is cut into terms
 * @param maxFileBytes larger files are skipped with a warning
 * @param search answer thresholds and weights
 */
public record KnowledgeOptions(Path knowledgeDir, Path dataDir, Path glossaryFile, ChineseAnalysis chineseAnalysis,
    long maxFileBytes, SearchOptions search) {

  public static KnowledgeOptions of(Path knowledgeDir, Path dataDir, Path glossaryFile) {
    return new KnowledgeOptions(knowledgeDir, dataDir, glossaryFile, ChineseAnalysis.BIGRAM, 50L * 1024 * 1024,
        SearchOptions.defaults());
  }

  public KnowledgeOptions withChineseAnalysis(ChineseAnalysis analysis) {
    return new KnowledgeOptions(knowledgeDir, dataDir, glossaryFile, analysis, maxFileBytes, search);
  }

  public KnowledgeOptions withSearch(SearchOptions options) {
    return new KnowledgeOptions(knowledgeDir, dataDir, glossaryFile, chineseAnalysis, maxFileBytes, options);
  }
}
