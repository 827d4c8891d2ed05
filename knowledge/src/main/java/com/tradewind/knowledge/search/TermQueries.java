package com.tradewind.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;

/**
 * Term queries that carry their terms' look-ups in the index, remembered per index reader.
 * Without them every clause of every search walks each segment's terms dictionary twice (once
 * for statistics, once for the postings), a tenth of a search's CPU; questions repeat their words
 * (domain words, glossary synonyms), and the look-up of a word changes only when the index does.
 * A term's {@link TermStates} is immutable once built, so one instance serves concurrent searches.
 */
final class TermQueries {

  /**
   * Distinct terms remembered per reader (each holds a small term state per segment); past that
   * all are forgotten at once. A plain map: a Caffeine cache's bookkeeping on every read cost a
   * third of what it saved.
   */
  private static final int MAX_TERMS = 50_000;

  private record Current(IndexReader reader, ConcurrentHashMap<Term, TermStates> states) {}

  private volatile Current current = new Current(null, new ConcurrentHashMap<>());

  /** A term query on {@code term} whose look-up is done once per index reader. */
  TermQuery query(IndexSearcher searcher, Term term) {
    Current now = current;
    if (now.reader() != searcher.getIndexReader()) {
      now = new Current(searcher.getIndexReader(), new ConcurrentHashMap<>());
      current = now;
    }
    TermStates states = now.states().get(term);
    if (states == null) {
      if (now.states().size() >= MAX_TERMS) {
        now.states().clear();
      }
      states = build(searcher, term);
      now.states().put(term, states);
    }
    return new TermQuery(term, states);
  }

  private static TermStates build(IndexSearcher searcher, Term term) {
    try {
      return TermStates.build(searcher, term, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
