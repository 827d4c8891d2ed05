package com.tradewind.knowledge.search;

/**
 * Tuning of search and answering.
 *
 * @param minCoverage share of a question's topic words (IDF-weighted) the best passage must
 *     contain, directly or through the glossary, before we answer from it
 * @param expansionBoost weight of glossary translations relative to the question's own words
 * @param maxAnswerSentences sentences in an extractive answer
 */
public record SearchOptions(double minCoverage, double expansionBoost, int maxAnswerSentences) {

  public static SearchOptions defaults() {
    return new SearchOptions(0.3, 0.6, 3);
  }
}
