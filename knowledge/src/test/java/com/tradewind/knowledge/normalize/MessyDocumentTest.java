package com.tradewind.knowledge.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.TestSupport;
import com.tradewind.knowledge.ingest.Block;
import com.tradewind.knowledge.ingest.ExtractedDocument;
import com.tradewind.knowledge.ingest.PlainTextExtractorAccess;
import com.tradewind.knowledge.passage.Passage;
import com.tradewind.knowledge.passage.PassageChunker;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each normalization step, proven on a fixture that has the mess real scraped documents have. */
class MessyDocumentTest {

  private static List<NormalizedDocument> docs;

  @BeforeAll
  static void normalizeFixture() {
    List<ExtractedDocument> corpus = List.of(
        PlainTextExtractorAccess.read("messy/guide-a.txt", TestSupport.resource("/messy/guide-a.txt")),
        PlainTextExtractorAccess.read("messy/guide-b.txt", TestSupport.resource("/messy/guide-b.txt")),
        PlainTextExtractorAccess.read("messy/guide-c.txt", TestSupport.resource("/messy/guide-c.txt")));
    docs = new DocumentNormalizer().normalize(corpus);
  }

  private static String text(int doc) {
    return docs.get(doc).blocks().stream().map(Block::text).collect(Collectors.joining("\n"));
  }

  @Test
  void pinyinAnnotationsAreRemovedButRealParenthesesStay() {
    String a = text(0);
    assertTrue(a.contains("跨境賣家運營手冊"), a);
    assertTrue(a.contains("平臺規則,違規"), "规则(guī zé) loses its reading: " + a);
    assertFalse(a.contains("yùn"));
    assertTrue(a.contains("CE(歐盟)"), "a parenthesis that is not pinyin stays");
  }

  @Test
  void boilerplateRepeatedAcrossDocumentsIsRemovedEverywhere() {
    for (int d = 0; d < 3; d++) {
      String t = text(d);
      assertFalse(t.contains("下載本文檔"), t);
      assertFalse(t.contains("版權說明"), t);
      assertFalse(t.contains("繼續免費閱讀"), t);
      assertFalse(t.contains("提交評論"), t);
      assertFalse(t.contains("0/150"), t);
    }
    assertTrue(docs.get(0).removed().repeatedAcrossDocuments() >= 4, docs.get(0).removed().toString());
  }

  @Test
  void pageHeadersRepeatedInsideOneDocumentAreRemoved() {
    assertFalse(text(0).contains("跨境賣家指南_第2頁"));
    assertEquals(3, docs.get(0).removed().repeatedWithinDocument());
  }

  @Test
  void unrelatedTitleListIsDropped() {
    String a = text(0);
    assertFalse(a.contains("幼兒園"), a);
    assertFalse(a.contains("鋰電池"), a);
    assertTrue(docs.get(0).removed().titleLists() >= 5);
  }

  @Test
  void mojibakeRunsAreDroppedAndTheSentenceKept() {
    String a = text(0);
    assertFalse(a.contains("Ã"), a);
    assertFalse(a.contains("锟斤拷"), a);
    assertTrue(a.contains("錯誤編碼和") && a.contains("殘留,但保留正文"), a);
  }

  @Test
  void fullWidthFormsAreNormalized() {
    assertEquals("ABC 123 (CE)", TextCleaner.clean("ＡＢＣ　１２３　（ＣＥ）"));
  }

  @Test
  void traditionalIsFoldedToSimplifiedForMatchingOnly() {
    assertEquals("经济型物流时效约15-30天", ChineseScriptFolder.toSimplified("經濟型物流時效約15-30天"));
    assertTrue(ChineseScriptFolder.isTraditional("平臺仲裁要多久"));
    assertFalse(ChineseScriptFolder.isTraditional("平台仲裁要多久"));
    assertTrue(text(0).contains("經濟型物流"), "display text keeps the original script");
  }

  @Test
  void gluedSectionNumbersBecomeSectionsOfTheirPassages() {
    List<Passage> passages = new PassageChunker().chunk(docs.get(0));
    List<String> sections = passages.stream().map(Passage::section).toList();
    assertTrue(sections.stream().anyMatch(s -> s.startsWith("1.1 平臺規則")), sections.toString());
    assertTrue(sections.stream().anyMatch(s -> s.startsWith("1.2 物流選擇")), sections.toString());
    assertTrue(sections.stream().anyMatch(s -> s.startsWith("2.1 售後服務")), sections.toString());
    Passage logistics = passages.stream().filter(p -> p.section().startsWith("1.2")).findFirst().orElseThrow();
    assertTrue(logistics.text().contains("15-30天"), logistics.text());
    assertFalse(sections.stream().anyMatch(s -> s.startsWith("15")), "a quantity (15-30天) is not a heading");
    List<Passage> warehouse = new PassageChunker().chunk(docs.get(1));
    assertTrue(warehouse.stream().anyMatch(p -> p.section().startsWith("一、 选品原则") || p.section().startsWith("一、 選品原則")),
        warehouse.stream().map(Passage::section).toList().toString());
  }

  @Test
  void realContentOfEveryDocumentSurvives() {
    assertTrue(text(1).contains("安全庫存建議為30天銷量"));
    assertTrue(text(2).contains("Shipping template checklist"));
  }
}
