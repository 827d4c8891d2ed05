package com.tradewind.knowledge.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reads Word {@code .docx} with Apache POI: "Heading N" and "Title" styles become headings. */
public final class DocxExtractor implements DocumentExtractor {

  @Override
  public Extraction extract(byte[] bytes) throws IOException {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      List<Block> blocks = new ArrayList<>();
      for (var element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          addParagraph(doc, p, blocks);
        } else if (element instanceof XWPFTable table) {
          for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
              if (!cell.getText().isBlank()) {
                cells.add(cell.getText().strip());
              }
            }
            if (!cells.isEmpty()) {
              blocks.add(Block.paragraph(String.join(" | ", cells)));
            }
          }
        }
      }
      String title = doc.getProperties().getCoreProperties().getTitle();
      return new Extraction(title == null || title.isBlank() ? null : title.strip(), blocks);
    } catch (org.apache.poi.ooxml.POIXMLException
        | org.apache.poi.UnsupportedFileFormatException e) {
      throw new IOException("not a readable .docx file: " + e.getMessage(), e);
    }
  }

  private static void addParagraph(XWPFDocument doc, XWPFParagraph p, List<Block> blocks) {
    String text = p.getText().strip();
    if (text.isEmpty()) {
      return;
    }
    String style = styleName(doc, p).toLowerCase(Locale.ROOT).replace(" ", "");
    if (style.equals("title")) {
      blocks.add(Block.heading(1, text));
    } else if (style.startsWith("heading") && style.length() > 7 && Character.isDigit(style.charAt(7))) {
      blocks.add(Block.heading(Math.min(6, style.charAt(7) - '0' + 1), text));
    } else {
      blocks.add(Block.paragraph(text));
    }
  }

  private static String styleName(XWPFDocument doc, XWPFParagraph p) {
    String id = p.getStyleID();
    if (id == null) {
      return "";
    }
    var style = doc.getStyles() == null ? null : doc.getStyles().getStyle(id);
    return style != null && style.getName() != null ? style.getName() : id;
  }
}
