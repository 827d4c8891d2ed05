package com.tradewind.knowledge.normalize;

/** Character-script tests shared by the normalization, chunking and language stages. */
public final class Scripts {

  private Scripts() {}

  public static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }

  /** Han, kana, Hangul and CJK punctuation: text measured in characters, not words. */
  public static boolean isCjk(int codePoint) {
    Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /** Share of letters that are Han characters (0 when there are no letters). */
  public static double hanRatio(CharSequence text) {
    int letters = 0;
    int han = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
        if (isHan(c)) {
          han++;
        }
      }
    }
    return letters == 0 ? 0 : (double) han / letters;
  }

  /** CJK characters and words (runs of other letters or digits) of a text. */
  public record Counts(int cjk, int words) {}

  public static Counts count(CharSequence text) {
    int cjk = 0;
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isCjk(c)) {
        cjk++;
        inWord = false;
      } else if (Character.isLetterOrDigit(c)) {
        if (!inWord) {
          words++;
        }
        inWord = true;
      } else {
        inWord = false;
      }
    }
    return new Counts(cjk, words);
  }

  /**
   * Size of a text for passage budgets: one unit per CJK character, and about 2.7 units per
   * word elsewhere, so that 400 CJK characters and 150 words are the same budget.
   */
  public static int weight(CharSequence text) {
    Counts counts = count(text);
    return counts.cjk() + (int) Math.ceil(counts.words() * 400.0 / 150.0);
  }
}
