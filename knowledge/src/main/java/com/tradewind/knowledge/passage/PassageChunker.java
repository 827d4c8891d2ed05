package com.tradewind.knowledge.passage;

import com.tradewind.knowledge.ingest.Block;
import com.tradewind.knowledge.normalize.NormalizedDocument;
import com.tradewind.knowledge.normalize.Scripts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * Cuts a document into passages: a new passage at every heading (inline numbered ones too),
 * then sentences packed up to a budget of about 400 CJK characters or 150 words. A sentence
 * longer than the budget (scraped text often has no punctuation for pages) is cut at commas or,
 * failing that, at the budget.
 */
public final class PassageChunker {

  /** The budget in {@link Scripts#weight} units. */
  public static final int DEFAULT_BUDGET = 400;
  private static final String SECTION_SEPARATOR = " › ";

  private final int budget;

  public PassageChunker(int budget) {
    this.budget = budget;
  }

  public PassageChunker() {
    this(DEFAULT_BUDGET);
  }

  public List<Passage> chunk(NormalizedDocument doc) {
    List<Passage> passages = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<String> headings = new ArrayList<>();
    List<Integer> levels = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String section = "";
    for (Block block : expandInlineHeadings(doc.blocks())) {
      if (block.isHeading()) {
        emit(doc, section, current, passages, ids);
        if (block.level() == 1 && headings.isEmpty() && block.text().equals(doc.title())) {
          continue; // the document title is not a section
        }
        while (!levels.isEmpty() && levels.get(levels.size() - 1) >= block.level()) {
          levels.remove(levels.size() - 1);
          headings.remove(headings.size() - 1);
        }
        levels.add(block.level());
        headings.add(block.text());
        section = String.join(SECTION_SEPARATOR, headings);
        continue;
      }
      for (String sentence : SentenceSplitter.split(block.text())) {
        for (String piece : fit(sentence)) {
          if (!current.isEmpty() && Scripts.weight(current) + Scripts.weight(piece) > budget) {
            emit(doc, section, current, passages, ids);
          }
          if (!current.isEmpty()) {
            current.append(joiner(current, piece));
          }
          current.append(piece);
        }
      }
      // keep paragraphs apart inside one passage so list items stay readable
      if (!current.isEmpty() && !Character.isWhitespace(current.charAt(current.length() - 1))) {
        current.append('\n');
      }
    }
    emit(doc, section, current, passages, ids);
    return passages;
  }

  private static List<Block> expandInlineHeadings(List<Block> blocks) {
    List<Block> out = new ArrayList<>(blocks.size());
    int level = 1;
    for (Block block : blocks) {
      if (block.isHeading()) {
        level = block.level();
        out.add(block);
      } else {
        out.addAll(InlineHeadingSplitter.split(block.text(), level));
      }
    }
    return out;
  }

  /** Cuts an over-long sentence into budget-sized pieces, preferring to cut after commas. */
  private List<String> fit(String sentence) {
    List<String> pieces = new ArrayList<>();
    String rest = sentence;
    while (Scripts.weight(rest) > budget) {
      int cut = cutPoint(rest);
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      pieces.add(rest);
    }
    return pieces;
  }

  private int cutPoint(String text) {
    int lastComma = -1;
    int end = 0;
    while (end < text.length() && Scripts.weight(text.substring(0, end + 1)) <= budget) {
      char c = text.charAt(end);
      if ((c == ',' || c == '，' || c == '、' || c == ';' || c == ':') && end > 0) {
        lastComma = end + 1;
      }
      end++;
    }
    if (lastComma > end / 2) {
      return lastComma;
    }
    // do not cut a Latin word in half
    int space = text.lastIndexOf(' ', end);
    return space > end / 2 ? space : Math.max(1, end);
  }

  private static String joiner(StringBuilder current, String next) {
    char last = current.charAt(current.length() - 1);
    if (Character.isWhitespace(last)) {
      return "";
    }
    return Scripts.isCjk(last) || Scripts.isCjk(next.charAt(0)) || last == '。' ? "" : " ";
  }

  private static void emit(NormalizedDocument doc, String section, StringBuilder current, List<Passage> out, Set<String> ids) {
    String text = current.toString().strip();
    current.setLength(0);
    if (text.isEmpty()) {
      return;
    }
    String id = doc.path() + "#" + hash(section + "\n" + text);
    for (int n = 2; !ids.add(id); n++) {
      id = doc.path() + "#" + hash(section + "\n" + text + "\n" + n);
    }
    out.add(new Passage(id, doc.path(), doc.title(), section, text, out.size(), ""));
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
