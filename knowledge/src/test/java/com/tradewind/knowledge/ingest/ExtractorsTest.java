package com.tradewind.knowledge.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

class ExtractorsTest {

  @Test
  void markdownHeadingsListsAndWrappedChineseLines() throws Exception {
    String md = "# 运费模板\n\n## 设置步骤\n\n进入卖家后台，\n选择物流设置。\n\n- 新建模板\n- 选择物流商\n\n| 方式 | 时效 |\n|---|---|\n| 经济型 | 15-30天 |\n";
    List<Block> blocks = new MarkdownExtractor().extract(md.getBytes(StandardCharsets.UTF_8)).blocks();
    assertEquals(Block.heading(1, "运费模板"), blocks.get(0));
    assertEquals(Block.heading(2, "设置步骤"), blocks.get(1));
    assertEquals("进入卖家后台，选择物流设置。", blocks.get(2).text(), "CJK lines join without a space");
    assertEquals("新建模板", blocks.get(3).text());
    assertTrue(blocks.stream().anyMatch(b -> b.text().equals("经济型 | 15-30天")), blocks.toString());
  }

  @Test
  void htmlDropsPageChromeAndKeepsStructure() throws Exception {
    String html = "<html><head><title>卖家常见问题</title><script>var x=1;</script></head><body>"
        + "<nav><a href='/'>首页</a> | 登录</nav><header>站点横幅</header>"
        + "<h1>常见问题</h1><h2>保证金</h2><p>保证金关店满90天后退还。</p><ul><li>类目一</li><li><p>类目二</p></li></ul>"
        + "<footer>© 2026 某网站 版权所有</footer></body></html>";
    var extraction = new HtmlExtractor().extract(html.getBytes(StandardCharsets.UTF_8));
    assertEquals("卖家常见问题", extraction.declaredTitle());
    List<String> texts = extraction.blocks().stream().map(Block::text).toList();
    assertEquals(List.of("常见问题", "保证金", "保证金关店满90天后退还。", "类目一", "类目二"), texts);
    assertFalse(texts.toString().contains("首页"));
  }

  @Test
  void pdfTextLayerIsRead() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PDDocument pdf = new PDDocument()) {
      PDPage page = new PDPage();
      pdf.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText("Arbitration takes 7 working days.");
        content.endText();
      }
      pdf.getDocumentInformation().setTitle("Disputes");
      pdf.save(out);
    }
    var extraction = new PdfExtractor().extract(out.toByteArray());
    assertEquals("Disputes", extraction.declaredTitle());
    assertEquals("Arbitration takes 7 working days.", extraction.blocks().get(0).text());
  }

  @Test
  void docxHeadingsComeFromStyles() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      var h = doc.createParagraph();
      h.setStyle("Heading1");
      h.createRun().setText("Refunds");
      doc.createParagraph().createRun().setText("Card refunds take 3-20 working days.");
      doc.write(out);
    }
    List<Block> blocks = new DocxExtractor().extract(out.toByteArray()).blocks();
    assertEquals("Refunds", blocks.get(0).text());
    assertTrue(blocks.get(0).isHeading());
    assertEquals("Card refunds take 3-20 working days.", blocks.get(1).text());
  }

  @Test
  void brokenPdfAndDocxAreReportedNotThrownAsRuntimeErrors() {
    DocumentReader reader = new DocumentReader();
    SourceFile pdf = new SourceFile("bad.pdf", java.nio.file.Path.of("bad.pdf"), 10, 0);
    DocumentException e = assertThrows(DocumentException.class, () -> reader.extract(pdf, "not a pdf".getBytes()));
    assertEquals(DocumentException.Reason.UNREADABLE, e.reason());
    SourceFile docx = new SourceFile("bad.docx", java.nio.file.Path.of("bad.docx"), 10, 0);
    assertEquals(DocumentException.Reason.UNREADABLE,
        assertThrows(DocumentException.class, () -> reader.extract(docx, "PK nonsense".getBytes())).reason());
    SourceFile txt = new SourceFile("bin.txt", java.nio.file.Path.of("bin.txt"), 10, 0);
    assertEquals(DocumentException.Reason.BINARY,
        assertThrows(DocumentException.class, () -> reader.extract(txt, new byte[] {1, 0, 2, 0, 3})).reason());
  }
}
