package com.tradewind.bot.commerce;

/**
 * Phone numbers reduced to their E.164 digits, so that {@code +34 600-111-222} (a store),
 * {@code 0034600111222} (typed with the international prefix) and {@code 34600111222} (the
 * WhatsApp {@code from}, which has no plus) compare equal.
 */
public final class PhoneNumbers {

  private PhoneNumbers() {}

  /**
   * The country code and subscriber number as digits only, or null when the value is not an
   * international number (a national number like {@code 0600 111 222} cannot be matched safely
   * without knowing its country, so it never matches).
   */
  public static String e164Digits(String phone) {
    if (phone == null) {
      return null;
    }
    String s = phone.strip();
    boolean international = s.startsWith("+") || s.startsWith("00") || !s.isEmpty() && Character.isDigit(s.charAt(0));
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') {
        return null;
      }
    }
    String d = s.startsWith("00") ? digits.substring(2) : digits.toString();
    // E.164: at most 15 digits, and no country code starts with 0.
    return international && d.length() >= 8 && d.length() <= 15 && d.charAt(0) != '0' ? d : null;
  }

  /** Whether two numbers are the same E.164 number; false when either cannot be normalized. */
  public static boolean same(String a, String b) {
    String x = e164Digits(a);
    return x != null && x.equals(e164Digits(b));
  }

  /** For replies: every digit but the last four hidden ({@code •••• 1222}); null stays null. */
  public static String masked(String phone) {
    String d = e164Digits(phone);
    if (d == null) {
      return phone == null ? null : "••••";
    }
    return "•••• " + d.substring(d.length() - 4);
  }
}
