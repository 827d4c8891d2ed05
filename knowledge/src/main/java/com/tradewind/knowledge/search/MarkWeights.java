package com.tradewind.knowledge.search;

import com.tradewind.knowledge.index.PassageFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * The clause a concept synonym adds to a query in one field, and how much it weighs. A phrase
 * query scores BM25 with the sum of its words' IDFs and the phrase's frequency; the mark of that
 * phrase has the same frequency and the same field length (stacked tokens do not count), so
 * boosting it by (sum of the words' IDFs) / (its own IDF) gives the phrase's score.
 *
 * <p>A synonym of one token is marked wherever that token occurs, so its mark and the token have
 * the same postings and the same IDF: the clause is then a term query on the token itself, with
 * weight 1, which scores exactly as the mark would. Several concepts often share such a token
 * ("shipping" is a synonym of four concepts), and the question's own words are often the same
 * token: Lucene merges equal SHOULD clauses into one with their boosts summed, so the postings
 * are read once instead of once per concept (21 to 18 clauses on average on the
 * benchmark's questions, more on its costliest ones, made of the commonest words).
 *
 * <p>Term statistics change only when the index does, so clauses, with their terms' look-ups,
 * are remembered per index reader; a synonym no passage holds is {@code null} and costs no clause.
 */
final class MarkWeights {

  /** A synonym's clause in one field: a term query to boost by {@code weight}. */
  record MarkClause(TermQuery query, float weight) {}

  private record Key(String field, String conceptId, int synonym) {}

  private record Cache(IndexReader reader, ConcurrentHashMap<Key, java.util.Optional<MarkClause>> clauses) {}

  private volatile Cache cache = new Cache(null, new ConcurrentHashMap<>());
  private final boolean shortcuts;

  /**
   * @param shortcuts a one-word synonym's clause is a term query on the word, and clauses carry
   *     their term look-ups (the default); false keeps every synonym on its mark and leaves the
   *     look-ups to Lucene, for tests that compare the two
   */
  MarkWeights(boolean shortcuts) {
    this.shortcuts = shortcuts;
  }

  /**
   * The clause that scores in {@code field} as the phrase query of a concept's
   * {@code synonym}-th term did (whose analysed {@code tokens} are given); null when no passage
   * holds it there.
   */
  MarkClause clause(IndexSearcher searcher, String field, String conceptId, int synonym, List<String> tokens) {
    Cache current = cache;
    if (current.reader() != searcher.getIndexReader()) {
      current = new Cache(searcher.getIndexReader(), new ConcurrentHashMap<>());
      cache = current;
    }
    return current.clauses().computeIfAbsent(new Key(field, conceptId, synonym),
        k -> java.util.Optional.ofNullable(compute(searcher, field, PassageFields.conceptTerm(conceptId, synonym), tokens,
            shortcuts)))
        .orElse(null);
  }

  private static MarkClause compute(IndexSearcher searcher, String field, String mark, List<String> tokens,
      boolean shortcuts) {
    if (tokens.isEmpty()) {
      return null;
    }
    try {
      var stats = searcher.collectionStatistics(field);
      if (stats == null) {
        return null;
      }
      IndexReader reader = searcher.getIndexReader();
      long docs = stats.docCount();
      Term markTerm = new Term(field, mark);
      int markFrequency = reader.docFreq(markTerm);
      if (markFrequency == 0) {
        return null;
      }
      if (shortcuts && tokens.size() == 1) {
        Term token = new Term(field, tokens.get(0));
        // Always true for an index marked by ConceptMarks; checked so that a mark written by
        // another analysis is never replaced by a term it does not equal.
        if (reader.docFreq(token) == markFrequency) {
          return new MarkClause(termQuery(searcher, token, true), 1f);
        }
      }
      double phrase = 0;
      for (String token : tokens) {
        phrase += idf(reader.docFreq(new Term(field, token)), docs);
      }
      return new MarkClause(termQuery(searcher, markTerm, shortcuts), (float) (phrase / idf(markFrequency, docs)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A term query carrying its term's look-up in this reader, which it is remembered with. */
  private static TermQuery termQuery(IndexSearcher searcher, Term term, boolean withLookUp) throws IOException {
    return withLookUp ? new TermQuery(term, TermStates.build(searcher, term, true)) : new TermQuery(term);
  }

  /** BM25's IDF, as Lucene computes it. */
  private static double idf(long docFreq, long docCount) {
    return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
  }
}
