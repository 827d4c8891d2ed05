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

  private TextFeatures() {}

  static String normalize(String text) {
    if (isAscii(text)) {
      return text.toLowerCase(Locale.ROOT); // what the steps below come to: ASCII is NFKC and NFD, has no marks
    }
    String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    String folded = ChineseScriptFolder.toSimplified(nfkc);
    return withoutMarks(Normalizer.normalize(folded, Normalizer.Form.NFD));
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  /** The text without its non-spacing marks ({@code \p{Mn}}), without a regex matcher per message. */
  private static String withoutMarks(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int next = i + Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
      } else if (out != null) {
        out.append(text, i, next);
      }
      i = next;
    }
    return out == null ? text : out.toString();
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
    // "w:" + word, then "g:" + each trigram of "^" + word + "$", each built as one string
    int n = word.length();
    char[] feature = new char[Math.max(n, 3) + 2];
    feature[0] = 'w';
    feature[1] = ':';
    word.getChars(0, n, feature, 2);
    f.merge(new String(feature, 0, n + 2), 1.5f, Float::sum);
    feature[0] = 'g';
    for (int i = 0; i + 3 <= n + 2; i++) {
      // position p of the padded word: '^' at 0, the word's letters, '$' at n + 1
      for (int k = 0; k < 3; k++) {
        int p = i + k;
        feature[2 + k] = p == 0 ? '^' : p == n + 1 ? '$' : word.charAt(p - 1);
      }
      f.merge(new String(feature, 0, 5), 1f, Float::sum);
    }
    word.setLength(0);
  }
}
