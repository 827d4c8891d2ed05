package com.tradewind.knowledge.normalize;

import com.ibm.icu.text.Transliterator;

/**
 * Folds Traditional Chinese to Simplified with ICU's transliterator so that either script
 * matches the other. Only the matching text is folded; passages keep their original script for
 * display.
 *
 * <p>ICU's Traditional-Simplified rules map character by character, and running the rule engine
 * over every passage dominated indexing time, so each character's mapping is asked of ICU once
 * and remembered.
 */
public final class ChineseScriptFolder {

  // Transliterator instances are not safe for concurrent use; building one is costly, so one per thread.
  private static final ThreadLocal<Transliterator> T2S =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
  /** BMP mapping learned from ICU: 0 = not asked yet. Races only ever write the same value. */
  private static final char[] SIMPLE = new char[0x10000];
  private static final char MULTI = '\uFFFF';

  private ChineseScriptFolder() {}

  public static String toSimplified(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Scripts.isHan(c) || Character.isSurrogate(c)) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      char mapped = SIMPLE[c];
      if (mapped == 0) {
        mapped = learn(c);
      }
      if (mapped == MULTI) {
        return T2S.get().transliterate(text); // a mapping we cannot hold char by char: let ICU do all
      }
      if (mapped != c && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(mapped);
      }
    }
    return out == null ? text : out.toString();
  }

  private static char learn(char c) {
    String result = T2S.get().transliterate(String.valueOf(c));
    char mapped = result.length() == 1 ? result.charAt(0) : MULTI;
    SIMPLE[c] = mapped;
    return mapped;
  }

  /** True when folding changes the text, i.e. it is written (at least partly) in Traditional. */
  public static boolean isTraditional(String text) {
    return !toSimplified(text).equals(text);
  }
}
