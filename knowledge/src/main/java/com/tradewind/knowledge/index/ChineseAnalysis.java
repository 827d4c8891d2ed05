package com.tradewind.knowledge.index;

/** How Chinese text is cut into index terms. */
public enum ChineseAnalysis {
  /** Lucene's SmartChineseAnalyzer: dictionary words (HMM segmentation). */
  SMARTCN,
  /** Overlapping character bigrams plus unigrams: no dictionary, robust to unknown words. */
  BIGRAM
}
