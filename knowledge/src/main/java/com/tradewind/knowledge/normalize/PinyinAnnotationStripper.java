package com.tradewind.knowledge.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes pinyin readings that document converters insert after Chinese characters, such as
 * 運(yùn)營(yíng) → 運營. A parenthesis is removed only when it follows a Han character and holds
 * one or two pinyin syllables, so "(CE)", "(B2C)" or "(see below)" stay.
 */
public final class PinyinAnnotationStripper {

  private static final String TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<=\\p{IsHan})\\s?[(（]\\s*([a-z" + TONED + "]{1,7}(?:\\s[a-z" + TONED + "]{1,7})?)\\s*[)）]");
  /** Toneless readings must still be well-formed pinyin syllables (initial + final). */
  private static final Pattern SYLLABLE = Pattern.compile(
      "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)");

  private PinyinAnnotationStripper() {}

  public static String strip(String text) {
    if (text.indexOf('(') < 0 && text.indexOf('（') < 0) {
      return text;
    }
    Matcher m = CANDIDATE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, isPinyin(m.group(1)) ? "" : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  static boolean isPinyin(String reading) {
    for (String syllable : reading.split("\\s")) {
      String plain = java.text.Normalizer.normalize(syllable, java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "").replace('ü', 'v');
      boolean toned = syllable.chars().anyMatch(c -> TONED.indexOf(c) >= 0 && c != 'ü');
      if (!toned && !SYLLABLE.matcher(plain).matches()) {
        return false;
      }
      if (toned && !SYLLABLE.matcher(plain).matches()) {
        return false;
      }
    }
    return true;
  }
}
