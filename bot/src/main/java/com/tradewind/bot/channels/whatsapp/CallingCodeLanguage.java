package com.tradewind.bot.channels.whatsapp;

import java.util.Map;

/**
 * A first guess at a user's language from their WhatsApp id's country calling code, used only
 * when the conversation has no language yet (a photo as the very first message). Codes of
 * multilingual countries are left out, so those users get the fallback language.
 */
final class CallingCodeLanguage {

  private static final Map<String, String> BY_CODE = Map.ofEntries(
      Map.entry("1", "en"), Map.entry("44", "en"), Map.entry("61", "en"), Map.entry("64", "en"),
      Map.entry("353", "en"), Map.entry("7", "ru"), Map.entry("33", "fr"), Map.entry("34", "es"),
      Map.entry("39", "it"), Map.entry("43", "de"), Map.entry("48", "pl"), Map.entry("49", "de"),
      Map.entry("351", "pt"), Map.entry("55", "pt"), Map.entry("380", "uk"), Map.entry("90", "tr"),
      Map.entry("81", "ja"), Map.entry("82", "ko"), Map.entry("86", "zh"), Map.entry("852", "zh"),
      Map.entry("853", "zh"), Map.entry("886", "zh"),
      Map.entry("51", "es"), Map.entry("52", "es"), Map.entry("53", "es"), Map.entry("54", "es"),
      Map.entry("56", "es"), Map.entry("57", "es"), Map.entry("58", "es"), Map.entry("502", "es"),
      Map.entry("503", "es"), Map.entry("504", "es"), Map.entry("505", "es"), Map.entry("506", "es"),
      Map.entry("507", "es"), Map.entry("591", "es"), Map.entry("593", "es"), Map.entry("595", "es"),
      Map.entry("598", "es"),
      Map.entry("20", "ar"), Map.entry("212", "ar"), Map.entry("213", "ar"), Map.entry("216", "ar"),
      Map.entry("962", "ar"), Map.entry("963", "ar"), Map.entry("964", "ar"), Map.entry("965", "ar"),
      Map.entry("966", "ar"), Map.entry("968", "ar"), Map.entry("971", "ar"), Map.entry("973", "ar"),
      Map.entry("974", "ar"));

  private CallingCodeLanguage() {}

  /** The language for a WhatsApp id (digits), or null when the code says nothing reliable. */
  static String guess(String waId) {
    if (waId == null) {
      return null;
    }
    for (int length = 3; length >= 1; length--) {
      if (waId.length() > length) {
        String lang = BY_CODE.get(waId.substring(0, length));
        if (lang != null) {
          return lang;
        }
      }
    }
    return null;
  }
}
