package com.tradewind.knowledge.normalize;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Character-level cleaning: NFKC (full-width letters, digits and punctuation become their
 * ordinary forms), control and private-use characters removed, mojibake runs dropped, white
 * space collapsed.
 */
public final class TextCleaner {

  /** UTF-8 bytes that were decoded as Latin-1 or Windows-1252: "Ã©", "â€™", "Â ". */
  private static final Pattern UTF8_AS_LATIN1 =
      Pattern.compile("(?:[ÂÃÄÅÆÇÐÑØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷][\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122]){2,}");
  /**
   * The classic artefacts of GBK/UTF-8 round trips ("锟斤拷") and of uninitialised memory shown
   * as GBK ("烫烫烫", "屯屯屯"), repeated; a single such character is ordinary Chinese.
   */
  private static final Pattern CJK_MOJIBAKE = Pattern.compile("(?:锟斤拷)+|烫{3,}|屯{3,}");
  /** Replacement characters, private use, C0/C1 controls except tab and newline, BOMs, zero width. */
  private static final Pattern JUNK =
      Pattern.compile("[\\uFFFD\\uE000-\\uF8FF\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFEFF\\u200B-\\u200D\\u2060]+");
  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");

  private TextCleaner() {}

  public static String clean(String text) {
    // Mojibake is recognized before NFKC, which would rewrite its tell-tale characters ("™" → "TM").
    String noJunk = JUNK.matcher(text).replaceAll(" ");
    String noMojibake = CJK_MOJIBAKE.matcher(UTF8_AS_LATIN1.matcher(noJunk).replaceAll(" ")).replaceAll(" ");
    return collapseSpaces(Normalizer.normalize(noMojibake, Normalizer.Form.NFKC));
  }

  /** Collapses white space, and drops it between two CJK characters where PDF extraction adds it. */
  static String collapseSpaces(String text) {
    String single = SPACES.matcher(text).replaceAll(" ").strip();
    StringBuilder out = new StringBuilder(single.length());
    for (int i = 0; i < single.length(); i++) {
      char c = single.charAt(i);
      if (c == ' ' && i > 0 && i + 1 < single.length()
          && Scripts.isHan(single.charAt(i - 1)) && Scripts.isHan(single.charAt(i + 1))) {
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }
}
