package com.tradewind.knowledge.passage;

import com.tradewind.knowledge.ingest.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds section headings glued into running text, as slides and PDFs lose their line breaks:
 * {@code 1.3跨境电商平台选择…}, {@code 02速卖通平台介绍…}, {@code 一、前期准备…}, {@code 第二章…}. A number
 * followed by a unit ({@code 15天}, {@code 2.5倍}) is a quantity, not a heading.
 */
public final class InlineHeadingSplitter {

  private static final String UNITS = "天日月年周週个個件次元万萬亿億倍岁歲小分秒项項条條张張类類种種步级級名位家款人国國台臺只隻克米码碼寸号號期页頁层層笔筆单單箱包票";
  private static final Pattern NUMBERED = Pattern.compile(
      "(?<![\\d.%])(?:(\\d{1,2}(?:\\.\\d{1,2}){1,2})|(0[1-9])|(\\d{1,2})[、．])(?=\\p{IsHan})(?![" + UNITS + "])"
          + "|(?<=^|[。！？；!?;\\s]|\\p{IsHan}(?<![统統唯之单單同合万萬专專]))([一二三四五六七八九十]{1,3})、"
          + "|(?<=^|[。！？；!?;\\s])(第[一二三四五六七八九十\\d]{1,3}[章节節部篇])");
  /** A glued heading runs to the first punctuation or digit, at most this many characters. */
  private static final int MAX_HEADING = 12;

  private InlineHeadingSplitter() {}

  /**
   * Splits a paragraph into paragraph and heading blocks; inline headings are placed below
   * {@code baseLevel} (deeper for dotted numbers).
   */
  public static List<Block> split(String paragraph, int baseLevel) {
    List<Block> out = new ArrayList<>();
    Matcher m = NUMBERED.matcher(paragraph);
    int last = 0;
    while (m.find()) {
      int headingStart = m.end();
      int end = headingEnd(paragraph, headingStart);
      if (end - headingStart < 2) {
        continue;
      }
      addParagraph(out, paragraph.substring(last, m.start()));
      int depth = m.group(1) != null ? m.group(1).split("\\.").length : 1;
      String number = m.group().strip();
      out.add(Block.heading(Math.min(6, baseLevel + depth), number + " " + paragraph.substring(headingStart, end)));
      last = end;
      m.region(end, paragraph.length());
    }
    addParagraph(out, paragraph.substring(last));
    return out;
  }

  private static int headingEnd(String text, int start) {
    int i = start;
    while (i < text.length() && i - start < MAX_HEADING) {
      char c = text.charAt(i);
      if (Character.isDigit(c) || !Character.isLetter(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  private static void addParagraph(List<Block> out, String text) {
    String stripped = text.strip();
    if (!stripped.isEmpty()) {
      out.add(Block.paragraph(stripped));
    }
  }
}
