package com.tradewind.knowledge.lang;

/**
 * A language guess.
 *
 * @param code ISO 639-1 code ("zh" for both Chinese scripts)
 * @param traditional for Chinese: written in Traditional characters
 * @param confidence 0..1
 */
public record DetectedLanguage(String code, boolean traditional, double confidence) {

  /** "zh-Hant" for Traditional Chinese, otherwise the ISO code. */
  public String tag() {
    return traditional ? code + "-Hant" : code;
  }
}
