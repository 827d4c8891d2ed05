package com.tradewind.bot.understanding;

import java.text.Normalizer;

/**
 * Puts customer text into the one form the parsers match against.
 *
 * <p>Every parser normalizes its input with this class, and the operation is idempotent, so
 * positions reported by different parsers for the same message refer to the same string.
 */
final class TextNormalizer {

  private TextNormalizer() {}

  /**
   * In order: invisible format characters are dropped (bidi marks that Arabic and Hebrew
   * keyboards insert into numbers, zero-width spaces, BOM); number signs become {@code #}; NFKC
   * (full-width {@code １２３} and {@code ＲＲ} become ASCII, NBSP and the ideographic space become
   * a plain space); other decimal digits (Arabic-Indic {@code ٨١٢}, Devanagari...) become ASCII;
   * tabs become spaces. Line breaks stay, so a number never continues onto the next line.
   *
   * <p>Number signs are replaced because NFKC would turn {@code №} and {@code Nº} into
   * {@code No}, gluing Latin letters to the number that follows ({@code Заказ №8123456789012345}),
   * which the order patterns deliberately refuse.
   */
  static String normalize(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    // Format characters go before NFKC: removing them afterwards could let a second pass compose
    // characters the first did not, and the parsers rely on normalize(normalize(x)) == normalize(x).
    // Number signs once more after NFKC: it turns a full-width Ｎ into the N of "N°".
    String nfkc = numberSignsToHash(
        Normalizer.normalize(numberSignsToHash(withoutFormatCharacters(text)), Normalizer.Form.NFKC));
    StringBuilder out = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); i++) {
      char c = nfkc.charAt(i);
      if (c > 0x7F && Character.isDigit(c)) {
        // NFKC leaves native digits alone; customers in Arabic locales type order numbers with them.
        out.append((char) ('0' + Character.digit(c, 10)));
      } else if (c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  // Same length in, same length out, so nothing else has to care.
  private static String numberSignsToHash(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      boolean afterN = i > 0 && (chars[i - 1] == 'N' || chars[i - 1] == 'n');
      if (c == '\u2116' || ((c == '\u00BA' || c == '\u00B0') && afterN)) {
        chars[i] = '#';
      }
    }
    return new String(chars);
  }

  private static String withoutFormatCharacters(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.getType(c) != Character.FORMAT) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
