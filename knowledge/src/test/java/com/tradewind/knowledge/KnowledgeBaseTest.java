package com.tradewind.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The knowledge base end to end on a small folder: indexing, refresh, repair, search, answers. */
class KnowledgeBaseTest {

  @TempDir
  Path root;
  Path docs;
  Path data;

  @BeforeEach
  void folder() {
    docs = root.resolve("kb");
    data = root.resolve("data");
    TestSupport.write(docs, "seller/zh/disputes.md", """
        # 纠纷与仲裁

        ## 仲裁时间

        平台介入后，一般在7个工作日内作出裁决。双方须在3天内补充证据。

        ## 发起时间

        买家可在订单完成后15天内发起纠纷。
        """);
    TestSupport.write(docs, "seller/zh/shipping.md", """
        # 物流方案

        ## 经济型物流

        经济型物流适合低价轻小商品，时效约15-30天，只提供部分物流跟踪。

        ## 快速型物流

        快速型物流使用国际快递，时效约5-10天。
        """);
    TestSupport.write(docs, "seller/en/templates.md", """
        # Shipping templates

        ## Creating a template

        Open the seller center, choose Logistics, then Shipping templates, and click New template.
        Pick the carriers for each destination and set free shipping only where the margin allows it.
        """);
  }

  private KnowledgeBase open() throws Exception {
    return KnowledgeBase.open(KnowledgeOptions.of(docs, data, Path.of("config/glossary.tsv")), TestSupport.detector());
  }

  @Test
  void answersWithCitationInChineseFromEitherScript() throws Exception {
    try (KnowledgeBase kb = open()) {
      RefreshReport report = kb.refresh();
      assertEquals(3, report.added());
      Answer simplified = kb.ask("平台仲裁要多久", null);
      assertTrue(simplified.answered());
      assertTrue(simplified.text().contains("7个工作日"), simplified.text());
      assertEquals("zh", simplified.language());
      SearchHit source = simplified.sources().get(0);
      assertEquals("seller/zh/disputes.md", source.path());
      assertEquals("纠纷与仲裁", source.title());
      assertEquals("仲裁时间", source.section());
      Answer traditional = kb.ask("平臺仲裁要多久？", null);
      assertEquals(source.path(), traditional.sources().get(0).path());
      assertTrue(traditional.text().contains("7个工作日"));
    }
  }

  @Test
  void glossaryCarriesAnEnglishQuestionToAChinesePassage() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      Answer answer = kb.ask("How long does economy shipping take?", null);
      assertEquals("en", answer.language());
      assertTrue(answer.answered(), "no answer; sources " + answer.sources());
      assertEquals("seller/zh/shipping.md", answer.sources().get(0).path());
      assertTrue(answer.text().contains("15-30天"), answer.text());
      assertEquals("zh", answer.answerLanguage());
    }
  }

  @Test
  void outOfScopeQuestionsGetNoAnswer() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      assertNull(kb.ask("What is the capital of Peru?", null).text());
      assertNull(kb.ask("给我讲个笑话", null).text());
      assertNull(kb.ask("¿Cómo se hace una paella?", null).text());
    }
  }

  @Test
  void unchangedFolderIsNotReindexedAndChangesTouchOnlyTheirFile() throws Exception {
    try (KnowledgeBase kb = open()) {
      assertEquals(3, kb.refresh().added());
    }
    try (KnowledgeBase kb = open()) {
      RefreshReport again = kb.refresh();
      assertEquals(0, again.added() + again.updated() + again.removed(), again.summary());
      assertEquals(3, again.unchanged());
      assertTrue(kb.passageCount() > 0, "searchable before any refresh: the index is on disk");

      Files.writeString(docs.resolve("seller/zh/shipping.md"), """
          # 物流方案

          ## 经济型物流

          经济型物流时效调整为约20-35天。
          """);
      TestSupport.write(docs, "seller/en/new.md", "# Overseas warehouses\n\nStorage is free for the first 60 days.\n");
      Files.delete(docs.resolve("seller/en/templates.md"));
      RefreshReport changed = kb.refresh();
      assertEquals(1, changed.updated(), changed.summary());
      assertEquals(1, changed.added(), changed.summary());
      assertEquals(1, changed.removed(), changed.summary());
      assertEquals(1, changed.unchanged(), changed.summary());
      assertTrue(kb.ask("经济型物流要多久", null).text().contains("20-35天"));
      assertTrue(kb.search("shipping template new template", "en", 10).stream()
          .noneMatch(h -> h.path().equals("seller/en/templates.md")));
    }
  }

  @Test
  void passageIdsAreStableAcrossRebuilds() throws Exception {
    List<String> first;
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      first = kb.search("仲裁", "zh", 5).stream().map(SearchHit::id).toList();
    }
    deleteTree(data);
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      assertEquals(first, kb.search("仲裁", "zh", 5).stream().map(SearchHit::id).toList());
    }
  }

  @Test
  void corruptIndexIsRebuilt() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
    }
    try (Stream<Path> files = Files.list(data.resolve("index"))) {
      for (Path f : files.toList()) {
        if (f.getFileName().toString().startsWith("segments")) {
          Files.write(f, new byte[] {1, 2, 3});
        }
      }
    }
    try (KnowledgeBase kb = open()) {
      assertNotNull(kb.openingNotice());
      assertTrue(kb.openingNotice().contains("rebuilding"), kb.openingNotice());
      assertEquals(3, kb.refresh().added());
      assertTrue(kb.ask("平台仲裁要多久", null).answered());
    }
  }

  /**
   * An index written before concept marks and passage records (schema 3: stored fields, no
   * marks) is still read until the refresh, which rebuilds it because the signature changed.
   */
  @Test
  void anIndexOfTheOldFormatIsReadAndThenRebuilt() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
    }
    Path manifest = data.resolve("index.manifest.json");
    String current = Files.readString(manifest);
    assertTrue(current.contains("concepts="), current);
    // What the previous version left: its signature over the same files, and its documents.
    Files.writeString(manifest, current.replaceFirst("\"signature\" : \"[^\"]*\"", "\"signature\" : \"schema=3;zh=BIGRAM\""));
    deleteTree(data.resolve("index"));
    try (var dir = org.apache.lucene.store.FSDirectory.open(data.resolve("index"));
        var writer = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig(
            new com.tradewind.knowledge.index.LanguageAnalyzers(com.tradewind.knowledge.index.ChineseAnalysis.BIGRAM).perField()))) {
      var doc = new org.apache.lucene.document.Document();
      doc.add(new org.apache.lucene.document.StringField("id", "seller/zh/disputes.md#old", org.apache.lucene.document.Field.Store.YES));
      doc.add(new org.apache.lucene.document.StringField("path", "seller/zh/disputes.md", org.apache.lucene.document.Field.Store.YES));
      doc.add(new org.apache.lucene.document.StringField("lang", "zh", org.apache.lucene.document.Field.Store.YES));
      doc.add(new org.apache.lucene.document.StoredField("title", "纠纷与仲裁"));
      doc.add(new org.apache.lucene.document.StoredField("section", "仲裁时间"));
      doc.add(new org.apache.lucene.document.StoredField("text", "平台介入后，一般在7个工作日内作出裁决。"));
      doc.add(new org.apache.lucene.document.StoredField("ordinal", 1));
      doc.add(new org.apache.lucene.document.TextField("body_zh", "平台介入后，一般在7个工作日内作出裁决。", org.apache.lucene.document.Field.Store.NO));
      writer.addDocument(doc);
      writer.setLiveCommitData(java.util.Map.of("signature", "schema=3;zh=BIGRAM").entrySet());
      writer.commit();
    }
    try (KnowledgeBase kb = open()) {
      List<SearchHit> before = kb.search("裁决", "zh", 3);
      assertEquals("seller/zh/disputes.md#old", before.get(0).id(), "passages of the old format are read from stored fields");
      assertEquals("平台介入后，一般在7个工作日内作出裁决。", before.get(0).text());
      var report = kb.refresh();
      assertEquals(3, report.added(), "another signature rebuilds every file: " + report);
      assertEquals(0, report.unchanged());
      assertTrue(kb.search("裁决", "zh", 3).stream().noneMatch(h -> h.id().endsWith("#old")));
      Answer answer = kb.ask("How long does economy shipping take?", null);
      assertTrue(answer.answered(), "the rebuilt index has concept marks: " + answer.sources());
      assertEquals("seller/zh/shipping.md", answer.sources().get(0).path());
    }
  }

  /**
   * An index of schema 5 has German compounds as whole words only (schema 4 also lacked the
   * empty fields of the other languages): the refresh rebuilds it rather than keep it until the
   * files change.
   */
  @Test
  void anIndexOfTheEarlierSchemaIsRebuilt() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
    }
    Path manifest = data.resolve("index.manifest.json");
    String current = Files.readString(manifest);
    assertTrue(current.contains("schema=6;"), current);
    Files.writeString(manifest, current.replace("schema=6;", "schema=5;"));
    try (KnowledgeBase kb = open()) {
      var report = kb.refresh();
      assertEquals(3, report.added(), "another signature rebuilds every file: " + report);
      assertEquals(0, report.unchanged());
      assertTrue(kb.ask("平台仲裁要多久", null).answered());
    }
    assertTrue(Files.readString(manifest).contains("schema=6;"));
  }

  @Test
  void lockedIndexFallsBackToAPrivateCopy() throws Exception {
    try (KnowledgeBase holder = open()) {
      holder.refresh();
      try (KnowledgeBase second = open()) {
        assertTrue(second.openingNotice().contains("locked"), second.openingNotice());
        second.refresh();
        assertTrue(second.ask("平台仲裁要多久", null).answered());
      }
    }
  }

  @Test
  void unreadableFilesAreSkippedWithTheirNameAndTheRestIsIndexed() throws Exception {
    Files.write(docs.resolve("broken.pdf"), "definitely not a pdf".getBytes());
    Files.write(docs.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0, 7});
    TestSupport.write(docs, ".hidden/notes.md", "# hidden\n\nnot indexed");
    try (KnowledgeBase kb = KnowledgeBase.open(new KnowledgeOptions(docs, data, null,
        com.tradewind.knowledge.index.ChineseAnalysis.BIGRAM, 30, com.tradewind.knowledge.search.SearchOptions.defaults()),
        TestSupport.detector())) {
      RefreshReport report = kb.refresh();
      String skipped = String.join("\n", report.skipped());
      assertTrue(skipped.contains("broken.pdf"), skipped);
      assertTrue(skipped.contains("binary.txt"), skipped);
      assertTrue(skipped.contains("seller/zh/disputes.md") && skipped.contains("limit"), "over 30 bytes: " + skipped);
      assertFalse(skipped.contains("notes.md"));
      assertEquals(0, report.added());
    }
  }

  @Test
  void anUnwritableDataFolderIsAClearErrorNotAHalfWorkingIndex() throws Exception {
    Path file = root.resolve("not-a-folder");
    Files.writeString(file, "x");
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> KnowledgeBase.open(
        KnowledgeOptions.of(docs, file.resolve("data"), null), TestSupport.detector()));
    assertTrue(e.getMessage().contains("cannot be created or written"), e.getMessage());
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
