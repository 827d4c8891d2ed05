package com.tradewind.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.TestSupport;
import com.tradewind.knowledge.bench.SyntheticCorpus;
import com.tradewind.knowledge.index.ChineseAnalysis;
import com.tradewind.knowledge.index.LanguageAnalyzers;
import com.tradewind.knowledge.index.PassageFields;
import com.tradewind.knowledge.index.PassageIndex;
import com.tradewind.knowledge.passage.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default search takes shortcuts (one-word concept synonyms searched as their word and merged
 * with equal clauses, term look-ups remembered, blocks that cannot reach the top k skipped); each
 * must leave the hits and their scores as the plainest evaluation of the same scoring gives them.
 */
class SearchShortcutsTest {

  @TempDir
  Path dir;

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers(ChineseAnalysis.BIGRAM);

  private PassageIndex index(Glossary glossary, List<Passage> passages) throws Exception {
    PassageIndex index = PassageIndex.open(dir.resolve("index"), analyzers, KnowledgeSearcher.conceptMarks(glossary, analyzers));
    index.add(passages);
    index.commit(Map.of());
    return index;
  }

  @Test
  void theDefaultSearchFindsWhatAPlainExhaustiveSearchFindsWithTheSameScores() throws Exception {
    Glossary glossary = Glossary.load(Path.of("config/glossary.tsv"));
    List<Passage> passages = new SyntheticCorpus(42).passages(4_000);
    try (PassageIndex index = index(glossary, passages)) {
      KnowledgeSearcher fast = new KnowledgeSearcher(index, glossary, TestSupport.detector(), SearchOptions.defaults());
      KnowledgeSearcher plain = KnowledgeSearcher.plainReference(index, glossary, TestSupport.detector(),
          SearchOptions.defaults());
      SyntheticCorpus questions = new SyntheticCorpus(7);
      List<String[]> asked = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        asked.add(new String[] {questions.query(i % 2 == 0), i % 2 == 0 ? "zh" : "en"});
      }
      asked.add(new String[] {"How long does economy shipping take for the buyer?", "en"});
      asked.add(new String[] {"¿cuánto cuesta el envío al comprador?", "es"});
      asked.add(new String[] {"卖家的运费模板怎么设置", "zh"});
      int merged = 0;
      for (String[] question : asked) {
        for (int round = 0; round < 2; round++) { // the second time with remembered look-ups
          List<SearchHit> expected = plain.search(question[0], question[1], 10);
          List<SearchHit> actual = fast.search(question[0], question[1], 10);
          assertEquals(ids(expected), ids(actual), question[0]);
          for (int i = 0; i < expected.size(); i++) {
            double e = expected.get(i).score();
            assertEquals(e, actual.get(i).score(), Math.abs(e) * 1e-5, question[0] + " #" + i);
          }
        }
        merged += clauses(plain.query(question[0], question[1]), index) - clauses(fast.query(question[0], question[1]), index);
      }
      assertTrue(merged > asked.size(), "one-word synonyms merged with the question's words: " + merged + " clauses fewer");
    }
  }

  @Test
  void aWordThatIsASynonymOfSeveralConceptsIsReadOnceWithTheirWeightsAdded() throws Exception {
    Glossary glossary = Glossary.load(TestSupport.write(dir, "glossary.tsv", """
        id\tzh\ten
        shipping_cost\t运费\tshipping cost|postage
        dispatch\t发货\tshipping|dispatch
        logistics\t物流\tshipping|logistics
        """));
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      passages.add(new Passage("en" + i, "docs/en.md", "Rules " + i, "",
          i % 2 == 0 ? "The shipping cost is shown at checkout." : "Shipping and dispatch take two days.", i, "en"));
      passages.add(new Passage("zh" + i, "docs/zh.md", "规则", "", "运费在结算时显示，发货需要两天。", i, "zh"));
    }
    try (PassageIndex index = index(glossary, passages)) {
      KnowledgeSearcher fast = new KnowledgeSearcher(index, glossary, TestSupport.detector(), SearchOptions.defaults());
      KnowledgeSearcher plain = KnowledgeSearcher.plainReference(index, glossary, TestSupport.detector(),
          SearchOptions.defaults());
      String body = PassageFields.body("en");
      // the question's word and the one-word synonyms of two concepts: three clauses, one word
      List<String> shipping = List.of("ship", PassageFields.conceptTerm("dispatch", 0), PassageFields.conceptTerm("logistics", 0));
      assertEquals(List.of(1.0f, 0.6f, 0.6f), boosts(plain.query("shipping", "en"), body, shipping, index), "marks as written");
      assertEquals(List.of(2.2f), boosts(fast.query("shipping", "en"), body, shipping, index), "one clause on the word, weights added");
      assertEquals(ids(plain.search("shipping", "en", 10)), ids(fast.search("shipping", "en", 10)));
      // a synonym of two words stays a mark: only the phrase counts
      assertEquals(PassageFields.conceptTerm("shipping_cost", 0), onlyMark(fast.query("shipping cost", "en"), body, index));
    }
  }

  private static List<String> ids(List<SearchHit> hits) {
    return hits.stream().map(SearchHit::id).toList();
  }

  private static List<BooleanClause> rewritten(Query query, PassageIndex index) {
    return index.withSearcher(searcher -> {
      try {
        Query rewritten = searcher.rewrite(query);
        return rewritten instanceof BooleanQuery bool ? bool.clauses() : List.of(new BooleanClause(rewritten, BooleanClause.Occur.SHOULD));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  private static int clauses(Query query, PassageIndex index) {
    return rewritten(query, index).size();
  }

  /** Boosts of the clauses on {@code terms} of {@code field}, largest first. */
  private static List<Float> boosts(Query query, String field, List<String> terms, PassageIndex index) {
    List<Float> boosts = new ArrayList<>();
    for (BooleanClause clause : rewritten(query, index)) {
      float boost = 1f;
      Query q = clause.query();
      while (q instanceof BoostQuery b) {
        boost *= b.getBoost();
        q = b.getQuery();
      }
      if (q instanceof TermQuery t && t.getTerm().field().equals(field) && terms.contains(t.getTerm().text())) {
        boosts.add(Math.round(boost * 1000) / 1000f);
      }
    }
    boosts.sort(java.util.Comparator.reverseOrder());
    return boosts;
  }

  /** The single concept mark searched in {@code field}. */
  private static String onlyMark(Query query, String field, PassageIndex index) {
    List<String> marks = new ArrayList<>();
    for (BooleanClause clause : rewritten(query, index)) {
      Query q = clause.query();
      while (q instanceof BoostQuery b) {
        q = b.getQuery();
      }
      if (q instanceof TermQuery t && t.getTerm().field().equals(field) && t.getTerm().text().startsWith("\u0001")) {
        marks.add(t.getTerm().text());
      }
    }
    assertEquals(1, marks.size(), marks.toString());
    return marks.get(0);
  }
}
