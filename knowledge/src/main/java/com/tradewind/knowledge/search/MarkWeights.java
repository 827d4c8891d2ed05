package com.tradewind.knowledge.search;

import com.tradewind.knowledge.index.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;

/**
 * How much a concept mark weighs. A phrase query scores BM25 with the sum of its words' IDFs and
 * the phrase's frequency; the mark of that phrase has the same frequency and the same field
 * length (stacked tokens do not count), so boosting it by (sum of the words' IDFs) / (its own
 * IDF) gives the phrase's score. Term statistics change only when the index does, so weights are
 * remembered per index reader; a synonym no passage holds weighs 0 and costs no clause.
 */
final class MarkWeights {

  private record Cache(IndexReader reader, ConcurrentHashMap<String, Float> weights) {}

  private volatile Cache cache = new Cache(null, new ConcurrentHashMap<>());

  /**
   * The boost that makes the mark of a concept's {@code synonym}-th term in {@code field} score
   * as the phrase query of that term did; 0 when no passage holds the mark there.
   */
  float weight(IndexSearcher searcher, String field, String conceptId, int synonym, List<String> tokens) {
    Cache current = cache;
    if (current.reader() != searcher.getIndexReader()) {
      current = new Cache(searcher.getIndexReader(), new ConcurrentHashMap<>());
      cache = current;
    }
    return current.weights().computeIfAbsent(field + '\u0000' + conceptId + '#' + synonym,
        k -> compute(searcher, field, PassageFields.conceptTerm(conceptId, synonym), tokens));
  }

  private static float compute(IndexSearcher searcher, String field, String mark, List<String> tokens) {
    if (tokens.isEmpty()) {
      return 0;
    }
    try {
      var stats = searcher.collectionStatistics(field);
      if (stats == null) {
        return 0;
      }
      IndexReader reader = searcher.getIndexReader();
      long docs = stats.docCount();
      int markFrequency = reader.docFreq(new Term(field, mark));
      if (markFrequency == 0) {
        return 0;
      }
      double phrase = 0;
      for (String token : tokens) {
        phrase += idf(reader.docFreq(new Term(field, token)), docs);
      }
      return (float) (phrase / idf(markFrequency, docs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** BM25's IDF, as Lucene computes it. */
  private static double idf(long docFreq, long docCount) {
    return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }
}
