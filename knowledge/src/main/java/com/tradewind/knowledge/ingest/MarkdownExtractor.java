package com.tradewind.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown: ATX headings ({@code #} to {@code ######}) become headings, list items and
 * table rows become paragraphs of their own, consecutive prose lines are joined.
 */
public final class MarkdownExtractor implements DocumentExtractor {

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+•]|\\d{1,3}[.)])\\s+(.*)$");
  private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}.*$");
  private static final Pattern INLINE_MARKUP =
      Pattern.compile("\\*\\*|__|`|!?\\[([^\\]]*)\\]\\([^)]*\\)");

  @Override
  public Extraction extract(byte[] bytes) {
    return new Extraction(null, parse(TextDecoder.decode(bytes)));
  }

  static List<Block> parse(String text) {
    List<Block> blocks = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    boolean inFence = false;
    for (String raw : text.split("\\R")) {
      String line = raw.strip();
      if (line.startsWith("```") || line.startsWith("~~~")) {
        inFence = !inFence;
        flush(paragraph, blocks);
        continue;
      }
      if (line.isEmpty() || line.startsWith("<!--") || (TABLE_RULE.matcher(line).matches() && !line.matches(".*\\p{L}.*"))) {
        flush(paragraph, blocks);
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (!inFence && heading.matches()) {
        flush(paragraph, blocks);
        blocks.add(Block.heading(heading.group(1).length(), clean(heading.group(2))));
        continue;
      }
      Matcher item = LIST_ITEM.matcher(line);
      if (item.matches()) {
        flush(paragraph, blocks);
        blocks.add(Block.paragraph(clean(item.group(1))));
        continue;
      }
      if (line.startsWith("|")) {
        flush(paragraph, blocks);
        String row = String.join(" | ", cells(line));
        if (!row.isBlank()) {
          blocks.add(Block.paragraph(clean(row)));
        }
        continue;
      }
      if (line.startsWith(">")) {
        line = line.substring(1).strip();
      }
      if (!paragraph.isEmpty()) {
        paragraph.append(needsSpace(paragraph, line) ? " " : "");
      }
      paragraph.append(clean(line));
    }
    flush(paragraph, blocks);
    return blocks;
  }

  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    for (String cell : row.split("\\|")) {
      if (!cell.isBlank()) {
        cells.add(cell.strip());
      }
    }
    return cells;
  }

  /** CJK lines wrapped in the source must be joined without a space. */
  private static boolean needsSpace(StringBuilder paragraph, String next) {
    char last = paragraph.charAt(paragraph.length() - 1);
    return next.isEmpty() || !(isCjk(last) || isCjk(next.charAt(0)));
  }

  static boolean isCjk(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || (c >= 0x3000 && c <= 0x303F)
        || (c >= 0xFF00 && c <= 0xFFEF);
  }

  private static String clean(String text) {
    return INLINE_MARKUP.matcher(text).replaceAll(m -> m.group(1) != null ? Matcher.quoteReplacement(m.group(1)) : "");
  }

  private static void flush(StringBuilder paragraph, List<Block> blocks) {
    if (!paragraph.isEmpty()) {
      blocks.add(Block.paragraph(paragraph.toString()));
      paragraph.setLength(0);
    }
  }
}
