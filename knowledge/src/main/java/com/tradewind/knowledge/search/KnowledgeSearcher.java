package com.tradewind.knowledge.search;

import com.tradewind.knowledge.index.ConceptMarks;
import com.tradewind.knowledge.index.LanguageAnalyzers;
import com.tradewind.knowledge.index.PassageFields;
import com.tradewind.knowledge.index.PassageIndex;
import com.tradewind.knowledge.index.PassageRecords;
import com.tradewind.knowledge.lang.DetectedLanguage;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import com.tradewind.knowledge.passage.Passage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

/**
 * Answers questions from the passage index. The question is analyzed in its own language over
 * title, section and body (BM25, with boosts), and the glossary concepts it mentions are searched
 * in every language, so a Spanish question finds a Chinese passage. The answer is extractive:
 * the best sentences of the best passages, and only when the best passage covers enough of the
 * question; otherwise the caller gets the sources but no answer.
 */
public final class KnowledgeSearcher {

  private static final int MAX_SNIPPET = 600;
  /**
   * Synonyms of a concept, per language, that mark it in passages (see {@link ConceptMarks}).
   * Marks cost nothing per synonym at search time, but marking every synonym lowered Chinese
   * hit@3 of the knowledge evaluation from 0.973 to 0.946: the later synonyms are broad and pull
   * in passages about neighbouring topics. Fewer than three in other languages lost Spanish,
   * German, Arabic and Japanese questions of MessagesEvaluationTest (when they were phrase
   * queries): a seller topic asked in those languages is found through the English and Chinese
   * synonyms of the seller documents.
   */
  private static final int MAX_TERMS_PER_LANGUAGE = 3;
  private static final int RERANK_CANDIDATES = 12;
  /** Long questions (up to 2,000 characters) must stay under Lucene's 1,024-clause limit. */
  private static final int MAX_TERMS_PER_FIELD = 48;
  private static final int MAX_CONCEPTS = 6;
  private static final Set<String> LATIN_LANGUAGES = Set.of("en", "es", "pt", "fr", "de", "it", "pl", "tr");

  private final PassageIndex index;
  private final Glossary glossary;
  private final LanguageDetector detector;
  private final SearchOptions options;
  private final TermAnalysis analysis;
  private final QuestionWords questionWords;
  private final AnswerExtractor extractor;
  private final SearchGate gate;
  /** See {@link #plainReference}. */
  private final boolean plain;
  private final MarkWeights markWeights;
  private final TermQueries termQueries = new TermQueries();
  private final Durations durations = new Durations();

  /**
   * The glossary concepts an index marks in its passages, as this searcher asks for them: the
   * first synonyms of each concept per language.
   */
  public static ConceptMarks conceptMarks(Glossary glossary, LanguageAnalyzers analyzers) {
    Map<String, Map<String, List<String>>> terms = new java.util.LinkedHashMap<>();
    for (Glossary.Concept concept : glossary.concepts()) {
      terms.put(concept.id(), concept.terms());
    }
    return ConceptMarks.of(analyzers, terms, MAX_TERMS_PER_LANGUAGE);
  }

  /** A searcher that lets every search run at once. */
  public KnowledgeSearcher(PassageIndex index, Glossary glossary, LanguageDetector detector, SearchOptions options) {
    this(index, glossary, detector, options, 0);
  }

  /**
   * @param concurrentSearches searches that may run at once, the others queueing (see
   *     {@link SearchGate}); 0 for no limit, the default. On a busy machine a queue of one search
   *     per processor cost throughput and the median and did not shorten the p99, so only the
   *     benchmark uses it, to measure it against the default.
   */
  public KnowledgeSearcher(PassageIndex index, Glossary glossary, LanguageDetector detector, SearchOptions options,
      int concurrentSearches) {
    this(index, glossary, detector, options, concurrentSearches, false);
  }

  /**
   * For tests: a searcher that scores the same way in the plainest manner, with which the
   * shortcuts of the default one are compared: every concept clause on its mark, every term
   * looked up afresh, and every matching passage scored (no skipping of blocks that cannot reach
   * the top k).
   */
  static KnowledgeSearcher plainReference(PassageIndex index, Glossary glossary, LanguageDetector detector,
      SearchOptions options) {
    return new KnowledgeSearcher(index, glossary, detector, options, 0, true);
  }

  private KnowledgeSearcher(PassageIndex index, Glossary glossary, LanguageDetector detector, SearchOptions options,
      int concurrentSearches, boolean plain) {
    this.plain = plain;
    this.gate = new SearchGate(concurrentSearches);
    this.index = index;
    this.glossary = glossary;
    this.detector = detector;
    this.options = options;
    this.analysis = new TermAnalysis(index.analyzers());
    this.questionWords = new QuestionWords(analysis);
    this.extractor = new AnswerExtractor(options.maxAnswerSentences());
    this.markWeights = new MarkWeights(!plain);
  }

  /** The question's language and, when detection is unsure, a second one worth searching in. */
  private record Languages(String primary, String alternate) {}

  /**
   * The hint when given ("zh-Hant" counts as "zh"); otherwise detected once, keeping the
   * runner-up when it is close. Short Latin-script questions are often misjudged ("zebra
   * parcels" is not Polish), so English, the common language of cross-border trade, is then
   * always worth a look.
   */
  private Languages languagesOf(String question, String hint) {
    if (hint != null && !hint.isBlank()) {
      String code = hint.strip().toLowerCase(java.util.Locale.ROOT);
      int dash = code.indexOf('-');
      return new Languages(dash > 0 ? code.substring(0, dash) : code, null);
    }
    List<DetectedLanguage> ranked = detector.candidates(question);
    String primary = ranked.isEmpty() ? "en" : ranked.get(0).code();
    String second = ranked.size() > 1 ? ranked.get(1).code() : null;
    if (second == null && !primary.equals("en") && LATIN_LANGUAGES.contains(primary)) {
      second = "en";
    }
    return new Languages(primary, second);
  }

  /** Ranked passages for a question. */
  public List<SearchHit> search(String question, String languageHint, int k) {
    return gate.run(() -> {
      Languages languages = languagesOf(question, languageHint);
      return index.withSearcher(searcher ->
          run(searcher, prepare(searcher, question, languages.primary(), languages.alternate()), Math.max(1, k)));
    });
  }

  /**
   * An extractive answer with its sources, or sources only when no passage answers well. The
   * first BM25 candidates are re-ranked by how much of the question each covers (so a passage
   * that merely shares common words loses to one that states the asked fact), with a nudge for
   * passages holding a number when a quantity is asked (a duration when it asks how long) and for
   * passages in the user's language.
   */
  public Answer ask(String question, String languageHint) {
    return gate.run(() -> answer(question, languageHint));
  }

  private Answer answer(String question, String languageHint) {
    Languages languages = languagesOf(question, languageHint);
    String lang = languages.primary();
    String alternate = languages.alternate();
    return index.withSearcher(searcher -> {
      Prepared prepared = prepare(searcher, question, lang, alternate);
      List<SearchHit> hits = run(searcher, prepared, RERANK_CANDIDATES);
      QuestionProfile primary = profile(searcher, prepared);
      // When the language is a toss-up (es/pt), judge each passage by the reading that fits it.
      QuestionProfile second = alternate == null ? null : profile(searcher, prepare(searcher, question, alternate, null));
      if (hits.isEmpty() || primary.isEmpty()) {
        return new Answer(null, lang, lang, 0, hits.stream().limit(3).toList());
      }
      double maxScore = hits.get(0).score();
      List<Ranked> ranked = new ArrayList<>();
      for (SearchHit hit : hits) {
        QuestionProfile profile = second != null && hit.language().equals(alternate) ? second : primary;
        double coverage = profile.coverage(hit.title() + "\n" + hit.section() + "\n" + hit.text(), hit.language());
        double score = 0.5 * hit.score() / maxScore + 0.5 * coverage
            + profile.passageNumberBonus(hit.text(), hit.language())
            + (hit.language().equals(lang) || hit.language().equals(alternate) ? 0.25 : 0);
        ranked.add(new Ranked(hit, coverage, score));
      }
      ranked.sort((a, b) -> Double.compare(b.score(), a.score()));
      List<SearchHit> top = ranked.stream().limit(3).map(Ranked::hit).toList();
      Ranked best = ranked.get(0);
      QuestionProfile profile = second != null && best.hit().language().equals(alternate) ? second : primary;
      String bestText = best.hit().title() + "\n" + best.hit().section() + "\n" + best.hit().text();
      if (best.coverage() < options.minCoverage() || !profile.enoughTopicWords(bestText, best.hit().language())) {
        return new Answer(null, lang, lang, best.coverage(), top);
      }
      String text = extractor.extract(profile, best.hit());
      return new Answer(text, lang, best.hit().language(), best.coverage(), top);
    });
  }

  private record Ranked(SearchHit hit, double coverage, double score) {}

  /** @param directOnly the question's own words without glossary expansion, should the full query be too big */
  private record Prepared(String question, String language, List<String> tokens, List<Glossary.Match> concepts, Query query,
      Query directOnly, boolean asksQuantity, boolean asksDuration) {}

  private Prepared prepare(IndexSearcher searcher, String question, String lang, String alternate) {
    String folded = ChineseScriptFolder.toSimplified(question);
    List<String> tokens = analysis.tokens(folded, lang);
    // Concepts made only of question words ("how long", "多久") say nothing about the topic and
    // would pull in any passage that quotes a question; they are not expanded. A question word
    // that asks for a topical concept ("bis wann" for a deadline, a Frist) is kept: the concept
    // itself is named by other words.
    List<Glossary.Match> concepts = glossary.find(folded, tokens, lang, analysis).stream()
        .filter(m -> !m.coveredTokens().isEmpty()
            && (!onlyQuestionWords(m.coveredTokens(), lang) || !onlyQuestionWords(firstTermTokens(m.concept(), lang), lang)))
        .limit(MAX_CONCEPTS)
        .toList();
    QueryBuilder builder = new QueryBuilder(index.analyzers().queryPerField());
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    String fieldLang = LanguageAnalyzers.indexLanguage(lang);
    addDirect(query, searcher, lang, folded, token -> questionWords.contains(lang, token));
    if (alternate != null) {
      addDirect(query, searcher, alternate, folded, token -> questionWords.contains(alternate, token));
    }
    Query directOnly = query.build();
    java.util.Set<String> indexed = index.languages();
    boolean marked = !index.conceptMarks().isEmpty();
    for (Glossary.Match match : concepts) {
      for (String target : glossary.languages()) {
        if (!indexed.contains(target)) {
          continue; // no passage in that language: its clauses could only cost time
        }
        // Synonyms in the question's own language weigh more than translations, so that among
        // equally good passages the one in the user's language comes first.
        float boost = (float) (target.equals(fieldLang) ? options.expansionBoost() : options.expansionBoost() * 0.6);
        if (marked) {
          // The index marked each synonym wherever it occurs: one term query per synonym and
          // field (on the word itself for a one-word synonym, see MarkWeights), and none for
          // synonyms no passage holds.
          List<List<String>> synonyms = index.conceptMarks().terms(target, match.concept().id());
          for (int i = 0; i < synonyms.size(); i++) {
            addMark(query, searcher, PassageFields.body(target), match.concept().id(), i, synonyms.get(i), boost);
            addMark(query, searcher, PassageFields.title(target), match.concept().id(), i, synonyms.get(i), boost * 1.5f);
          }
          continue;
        }
        match.concept().terms(target).stream().limit(MAX_TERMS_PER_LANGUAGE).forEach(term -> {
          Query phrase = builder.createPhraseQuery(PassageFields.body(target), term);
          if (phrase != null) {
            // (only whole glossary terms are added; a term is never a question word)
            query.add(new BoostQuery(phrase, boost), BooleanClause.Occur.SHOULD);
          }
          Query title = builder.createPhraseQuery(PassageFields.title(target), term);
          if (title != null) {
            query.add(new BoostQuery(title, boost * 1.5f), BooleanClause.Occur.SHOULD);
          }
        });
      }
    }
    return new Prepared(question, lang, tokens, concepts, query.build(), directOnly, questionWords.asksQuantity(lang, folded),
        durations.asked(lang, folded));
  }

  private boolean onlyQuestionWords(List<String> tokens, String lang) {
    for (String token : tokens) {
      if (!questionWords.contains(lang, token)) {
        return false;
      }
    }
    return true;
  }

  /** The tokens of the concept's first (marked) term in the question's language, as the index cut them. */
  private List<String> firstTermTokens(Glossary.Concept concept, String lang) {
    List<String> terms = concept.terms(lang);
    return terms.isEmpty() ? List.of() : analysis.termTokens(terms.get(0), lang);
  }

  private void addMark(BooleanQuery.Builder query, IndexSearcher searcher, String field, String conceptId, int synonym,
      List<String> tokens, float boost) {
    MarkWeights.MarkClause clause = markWeights.clause(searcher, field, conceptId, synonym, tokens);
    if (clause != null) {
      query.add(new BoostQuery(clause.query(), boost * clause.weight()), BooleanClause.Occur.SHOULD);
    }
  }

  /**
   * The question's own words as top-level SHOULD term clauses over title, section and body. A
   * flat disjunction of term queries lets Lucene skip blocks that cannot reach the top k
   * (block-max WAND); distinct terms only, at most {@link #MAX_TERMS_PER_FIELD}, so that a
   * 2,000-character question stays far below Lucene's clause limit. "How long" and "多久" match
   * every passage that mentions time: they are left out unless the question has nothing else.
   */
  private void addDirect(BooleanQuery.Builder query, IndexSearcher searcher, String lang, String text,
      java.util.function.Predicate<String> questionWord) {
    List<String> all = new ArrayList<>(new LinkedHashSet<>(analysis.queryTokens(text, lang)));
    List<String> topical = all.stream().filter(t -> !questionWord.test(t)).toList();
    List<String> terms = (topical.isEmpty() ? all : topical).stream().limit(MAX_TERMS_PER_FIELD).toList();
    String fieldLang = LanguageAnalyzers.indexLanguage(lang);
    String title = PassageFields.title(fieldLang);
    String section = PassageFields.section(fieldLang);
    String body = PassageFields.body(fieldLang);
    for (String term : terms) {
      query.add(new BoostQuery(termQuery(searcher, new Term(title, term)), 2.0f), BooleanClause.Occur.SHOULD);
      query.add(new BoostQuery(termQuery(searcher, new Term(section, term)), 1.5f), BooleanClause.Occur.SHOULD);
      query.add(new BoostQuery(termQuery(searcher, new Term(body, term)), 1.0f), BooleanClause.Occur.SHOULD);
    }
  }

  private org.apache.lucene.search.TermQuery termQuery(IndexSearcher searcher, Term term) {
    return plain ? new org.apache.lucene.search.TermQuery(term) : termQueries.query(searcher, term);
  }

  /** The query a question becomes (before Lucene's rewriting), for tests. */
  Query query(String question, String lang) {
    return index.withSearcher(searcher -> prepare(searcher, question, lang, null).query());
  }

  private List<SearchHit> run(IndexSearcher searcher, Prepared prepared, int k) {
    try {
      TopDocs top;
      // No exact hit count is needed, so Lucene may skip non-competitive blocks from the start.
      int countHits = plain ? Integer.MAX_VALUE : k;
      try {
        top = searcher.search(prepared.query(), new org.apache.lucene.search.TopScoreDocCollectorManager(k, countHits));
      } catch (IndexSearcher.TooManyClauses e) {
        // a very long question: drop the expansions
        top = searcher.search(prepared.directOnly(), new org.apache.lucene.search.TopScoreDocCollectorManager(k, countHits));
      }
      List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
      int[] docs = new int[top.scoreDocs.length];
      for (int i = 0; i < docs.length; i++) {
        docs[i] = top.scoreDocs[i].doc;
      }
      Passage[] passages = PassageRecords.read(searcher.getIndexReader(), docs);
      for (int i = 0; i < docs.length; i++) {
        Passage p = passages[i];
        hits.add(new SearchHit(p.id(), p.title(), p.section(), p.path(), p.language(), p.text(), snippet(p.text(), prepared),
            top.scoreDocs[i].score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private QuestionProfile profile(IndexSearcher searcher, Prepared prepared) {
    String lang = prepared.language();
    String field = PassageFields.body(LanguageAnalyzers.indexLanguage(lang));
    Map<String, Double> weights = new java.util.LinkedHashMap<>();
    try {
      var stats = searcher.collectionStatistics(field);
      long docs = stats == null ? Math.max(1, searcher.getIndexReader().numDocs()) : stats.docCount();
      for (String token : new LinkedHashSet<>(analysis.coverageTokens(ChineseScriptFolder.toSimplified(prepared.question()), lang))) {
        if (questionWords.contains(lang, token)) {
          continue;
        }
        int df = documentFrequency(searcher, field, token);
        double idf = Math.log(1 + (docs - df + 0.5) / (df + 0.5));
        // A word the knowledge base never uses ("Peru", "paella") marks a question it cannot
        // answer, so it weighs more: sharing one common word must not be enough.
        weights.put(token, df == 0 ? 1.5 * idf : idf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new QuestionProfile(lang, weights, prepared.concepts(), analysis, prepared.asksQuantity(),
        prepared.asksDuration() ? durations : null);
  }

  /**
   * How many passages hold a word. A Chinese word longer than the index's terms (bigrams) is
   * estimated by its rarest bigram, an upper bound on its own frequency.
   */
  private int documentFrequency(IndexSearcher searcher, String field, String word) throws IOException {
    var reader = searcher.getIndexReader();
    int df = reader.docFreq(new Term(field, word));
    if (df > 0 || !field.endsWith("_zh") || word.length() < 3
        || index.analyzers().chinese() != com.tradewind.knowledge.index.ChineseAnalysis.BIGRAM) {
      return df;
    }
    int min = Integer.MAX_VALUE;
    for (int i = 0; i + 2 <= word.length(); i++) {
      min = Math.min(min, reader.docFreq(new Term(field, word.substring(i, i + 2))));
    }
    return min;
  }

  private static String snippet(String text, Prepared prepared) {
    if (text.length() <= MAX_SNIPPET) {
      return text;
    }
    Set<String> words = new LinkedHashSet<>(prepared.tokens());
    int best = 0;
    for (String w : words) {
      int at = text.indexOf(w);
      if (w.length() > 1 && at >= 0) {
        best = at;
        break;
      }
    }
    int start = Math.max(0, Math.min(best - MAX_SNIPPET / 3, text.length() - MAX_SNIPPET + 1));
    String cut = text.substring(start, Math.min(text.length(), start + MAX_SNIPPET - 1));
    return (start > 0 ? "…" : "") + cut.substring(0, Math.min(cut.length(), MAX_SNIPPET - (start > 0 ? 2 : 1))) + "…";
  }

}
