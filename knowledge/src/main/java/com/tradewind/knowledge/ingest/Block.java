package com.tradewind.knowledge.ingest;

/**
 * One unit of extracted text: a heading (level 1–6) or a paragraph (level 0). List items and
 * table cells are paragraphs of their own so that later stages can judge them one by one.
 */
public record Block(int level, String text) {

  public static Block heading(int level, String text) {
    return new Block(Math.max(1, Math.min(6, level)), text);
  }

  public static Block paragraph(String text) {
    return new Block(0, text);
  }

  public boolean isHeading() {
    return level > 0;
  }

  public Block withText(String newText) {
    return new Block(level, newText);
  }
}
