package com.tradewind.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.TestSupport;
import com.tradewind.knowledge.passage.Passage;
import com.tradewind.knowledge.search.Glossary;
import com.tradewind.knowledge.search.KnowledgeSearcher;
import com.tradewind.knowledge.search.SearchHit;
import com.tradewind.knowledge.search.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concept marks written at index time, and the search that finds passages through them. */
class ConceptMarksTest {

  private static final String GLOSSARY = """
      id\tzh\ten\tes
      economy_shipping\t经济型物流|经济型\teconomy shipping|cheap shipping\tenvío económico
      shipping_cost\t运费\tcost of shipping|shipping fee\tcoste de envío
      """;

  @TempDir
  Path dir;

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers(ChineseAnalysis.BIGRAM);

  private Glossary glossary(String tsv) {
    try {
      return Glossary.load(TestSupport.write(dir, "glossary-" + tsv.hashCode() + ".tsv", tsv));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Passage passage(String id, String text, String lang) {
    return new Passage(id, "docs/" + id + ".md", "Title " + id, "", text, 0, lang);
  }

  private PassageIndex indexOf(Glossary glossary, List<Passage> passages) throws Exception {
    PassageIndex index = PassageIndex.open(dir.resolve("index"), analyzers, KnowledgeSearcher.conceptMarks(glossary, analyzers));
    index.add(passages);
    index.commit(Map.of());
    return index;
  }

  /** Concept ids marked in a field, by passage id. */
  private static Map<String, Set<String>> marks(PassageIndex index, String field) {
    return index.withSearcher(searcher -> {
      Map<String, Set<String>> byPassage = new java.util.TreeMap<>();
      try {
        for (var leaf : searcher.getIndexReader().leaves()) {
          LeafReader reader = leaf.reader();
          Terms terms = reader.terms(field);
          if (terms == null) {
            continue;
          }
          TermsEnum each = terms.iterator();
          for (BytesRef term = each.next(); term != null; term = each.next()) {
            String text = term.utf8ToString();
            if (!text.startsWith("\u0001")) {
              continue;
            }
            PostingsEnum docs = each.postings(null, PostingsEnum.NONE);
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
              String id = PassageRecords.read(reader, new int[] {doc})[0].id();
              byPassage.computeIfAbsent(id, k -> new TreeSet<>()).add(text.substring(1, text.indexOf('#')));
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return byPassage;
    });
  }

  @Test
  void passagesCarryTheIdsOfTheConceptsTheirTextMentions() throws Exception {
    try (PassageIndex index = indexOf(glossary(GLOSSARY), List.of(
        passage("zh1", "经济型物流适合低价轻小商品，运费较低。", "zh"),
        passage("zh2", "经济发展很快，型号很多。", "zh"),
        passage("en1", "Economy shipping takes 15 to 30 days; the cost of shipping is shown at checkout.", "en"),
        passage("en2", "The economy grew and shipping was slow; the cost was high.", "en")))) {
      assertEquals(Map.of("zh1", Set.of("economy_shipping", "shipping_cost")), marks(index, PassageFields.body("zh")),
          "经济型物流 and 运费 are marked; 经济 and 型 apart are not 经济型");
      assertEquals(Map.of("en1", Set.of("economy_shipping", "shipping_cost")), marks(index, PassageFields.body("en")),
          "phrases match through stemming and stop words ('of'), words apart do not");
      assertEquals(Map.of(), marks(index, PassageFields.section("en")), "sections are not marked");
      assertEquals(1, index.withSearcher(s -> {
        try {
          return s.getIndexReader().docFreq(new Term(PassageFields.body("zh"), "经济"));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }) - 1, "the words themselves are indexed as before (经济 in both Chinese passages)");
    }
  }

  @Test
  void aSpanishQuestionFindsAChinesePassageThroughItsConceptMark() throws Exception {
    List<Passage> passages = new ArrayList<>();
    passages.add(passage("zh-economy", "经济型物流适合低价轻小商品，时效约15-30天。", "zh"));
    for (int i = 0; i < 20; i++) {
      passages.add(passage("zh-other" + i, "快速型物流使用国际快递，时效约5-10天，订单" + i + "。", "zh"));
    }
    try (PassageIndex index = indexOf(glossary(GLOSSARY), passages)) {
      KnowledgeSearcher searcher = new KnowledgeSearcher(index, glossary(GLOSSARY), TestSupport.detector(),
          SearchOptions.defaults());
      List<SearchHit> hits = searcher.search("¿cuánto tarda el envío económico?", "es", 3);
      assertEquals("zh-economy", hits.get(0).id(), "no word is shared: only the concept mark can find it");
      assertEquals("经济型物流适合低价轻小商品，时效约15-30天。", hits.get(0).text());
      assertEquals("zh", hits.get(0).language());
    }
  }

  @Test
  void theFingerprintFollowsTheRecognisedTerms() {
    String before = KnowledgeSearcher.conceptMarks(glossary(GLOSSARY), analyzers).fingerprint();
    assertEquals(before, KnowledgeSearcher.conceptMarks(glossary(GLOSSARY), analyzers).fingerprint());
    String after = KnowledgeSearcher.conceptMarks(glossary(GLOSSARY.replace("运费\t", "运费|邮费\t")), analyzers)
        .fingerprint();
    assertNotEquals(before, after, "a new synonym means other marks, so another index signature");
    assertTrue(ConceptMarks.none().isEmpty());
  }
}
