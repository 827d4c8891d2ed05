package com.tradewind.knowledge.normalize;

import com.ibm.icu.text.Transliterator;

/**
 * Folds Traditional Chinese to Simplified with ICU's transliterator so that either script
 * matches the other. Only the matching text is folded; passages keep their original script for
 * display.
 */
public final class ChineseScriptFolder {

  // Transliterator instances are not safe for concurrent use; building one is costly, so one per thread.
  private static final ThreadLocal<Transliterator> T2S =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));

  private ChineseScriptFolder() {}

  public static String toSimplified(String text) {
    if (!containsHan(text)) {
      return text;
    }
    return T2S.get().transliterate(text);
  }

  /** True when folding changes the text, i.e. it is written (at least partly) in Traditional. */
  public static boolean isTraditional(String text) {
    return containsHan(text) && !toSimplified(text).equals(text);
  }

  private static boolean containsHan(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Scripts.isHan(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
