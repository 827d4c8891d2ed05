package com.tradewind.bot.understanding;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs of ASCII-alphanumeric pieces separated by single spaces.
 *
 * <p>People copy tracking numbers as printed on labels ({@code 1Z 591580 68 55587736},
 * {@code RB 123 456 785 GB}), so a number may span several pieces. Anything else (punctuation,
 * CJK, Cyrillic, a line break, two spaces) ends a run, which is what lets a number glued to
 * Chinese text still be found, while a number glued to Latin letters is not taken apart.
 */
final class AlnumRuns {

  /** One alphanumeric piece, {@code [start, end)} in the text. */
  record Piece(int start, int end) {}

  private AlnumRuns() {}

  static List<List<Piece>> of(String text) {
    List<List<Piece>> runs = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isAsciiAlnum(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length() && isAsciiAlnum(text.charAt(i))) {
        i++;
      }
      current.add(new Piece(start, i));
      boolean continues = i + 1 < text.length() && text.charAt(i) == ' ' && isAsciiAlnum(text.charAt(i + 1));
      if (!continues) {
        runs.add(List.copyOf(current));
        current.clear();
      }
    }
    return runs;
  }

  static boolean isAsciiAlnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }
}
