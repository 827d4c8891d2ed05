package com.tradewind.bot.understanding;

import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import com.tradewind.knowledge.normalize.Scripts;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sparse features of a short message for intent matching: whole words and character trigrams
 * inside words (robust to typos, inflection and missing accents), and Han/kana/Hangul
 * characters and character pairs (no word boundaries there). Text is NFKC-normalized, folded
 * to Simplified and lower case, and accents are removed so "envio" matches "envío".
 */
final class TextFeatures {

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{Mn}");

  private TextFeatures() {}

  static String normalize(String text) {
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String folded = ChineseScriptFolder.toSimplified(nfkc);
    return MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
  }

  static Map<String, Float> of(String text) {
    String t = normalize(text);
    Map<String, Float> f = new HashMap<>();
    StringBuilder word = new StringBuilder();
    char prevCjk = 0;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      if (Scripts.isCjk(c)) {
        flushWord(word, f);
        f.merge("c:" + c, 1f, Float::sum);
        if (prevCjk != 0) {
          f.merge("c:" + prevCjk + c, 1.5f, Float::sum);
        }
        prevCjk = c;
      } else if (Character.isLetter(c)) {
        prevCjk = 0;
        word.append(c);
      } else {
        prevCjk = 0;
        flushWord(word, f);
      }
    }
    return f;
  }

  private static void flushWord(StringBuilder word, Map<String, Float> f) {
    if (word.isEmpty()) {
      return;
    }
    String w = word.toString();
    f.merge("w:" + w, 1.5f, Float::sum);
    String padded = "^" + w + "$";
    for (int i = 0; i + 3 <= padded.length(); i++) {
      f.merge("g:" + padded.substring(i, i + 3), 1f, Float::sum);
    }
    word.setLength(0);
  }
}
