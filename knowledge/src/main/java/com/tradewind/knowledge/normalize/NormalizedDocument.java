package com.tradewind.knowledge.normalize;

import com.tradewind.knowledge.ingest.Block;
import java.util.List;

/**
 * A document after cleaning: blocks hold display text (original script, NFKC, no pinyin, no
 * boilerplate).
 *
 * @param removed how many blocks were dropped, by reason, for reports and tests
 */
public record NormalizedDocument(String path, String title, List<Block> blocks, RemovalCounts removed) {

  /** Blocks removed by each boilerplate rule. */
  public record RemovalCounts(int repeatedAcrossDocuments, int repeatedWithinDocument, int notices, int titleLists, int empty) {
    public int total() {
      return repeatedAcrossDocuments + repeatedWithinDocument + notices + titleLists + empty;
    }
  }
}
