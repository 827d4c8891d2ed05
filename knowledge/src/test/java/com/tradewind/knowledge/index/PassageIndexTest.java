package com.tradewind.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.tradewind.knowledge.passage.Passage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectionStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passage index's fields as search reads them. */
class PassageIndexTest {

  @TempDir
  Path dir;

  private static Passage passage(int i, String lang) {
    String text = lang.equals("zh") ? "卖家需要在发货期内发货，否则订单会被关闭" + i + "。"
        : "The seller must ship within the handling time or the order " + i + " is closed.";
    return new Passage("p" + i, "docs/" + lang + ".md", lang.equals("zh") ? "发货期" : "Handling time",
        i % 2 == 0 ? "" : (lang.equals("zh") ? "规则" : "Rules"), text, i, lang);
  }

  /**
   * BM25 reads the length (norm) of every document it scores. A field only some documents have
   * keeps its lengths behind an index of which documents have one; every passage holds the
   * fields of every language (empty in the others), so the lengths are a plain array, while
   * the statistics that scores use still count only the passages of the field's language.
   */
  @Test
  void everyPassageHasALengthInEveryLanguagesFieldsAndStatisticsCountOnlyItsOwn() throws Exception {
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      passages.add(passage(i, i % 3 == 1 ? "en" : "zh"));
    }
    try (PassageIndex index = PassageIndex.open(dir.resolve("index"), new LanguageAnalyzers(ChineseAnalysis.BIGRAM))) {
      index.add(passages);
      index.commit(Map.of());
      assertEquals(Set.of("zh", "en"), index.languages(), "empty fields do not make a language look indexed");
      index.withSearcher(searcher -> {
        try {
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            LeafReader reader = leaf.reader();
            for (String lang : List.of("zh", "en", "es")) {
              for (String field : List.of(PassageFields.title(lang), PassageFields.section(lang), PassageFields.body(lang))) {
                NumericDocValues norms = reader.getNormValues(field);
                assertNotNull(norms, field);
                assertEquals(reader.maxDoc(), norms.cost(), field + ": a length for every passage");
              }
            }
          }
          CollectionStatistics en = searcher.collectionStatistics(PassageFields.body("en"));
          assertEquals(10, en.docCount(), "passages with English words, not every passage");
          CollectionStatistics zh = searcher.collectionStatistics(PassageFields.title("zh"));
          assertEquals(20, zh.docCount());
          CollectionStatistics sections = searcher.collectionStatistics(PassageFields.section("en"));
          assertEquals(5, sections.docCount(), "an empty section counts as before: not at all");
          assertEquals(null, searcher.collectionStatistics(PassageFields.body("es")), "no Spanish word anywhere");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return null;
      });
    }
  }
}
