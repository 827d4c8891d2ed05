package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one form every parser matches against; positions depend on it being idempotent. */
class TextNormalizerTest {

  @ParameterizedTest
  @CsvSource({
      "８１２３ＲＲ, 8123RR",          // full-width
      "٨١٢٣, 8123",                   // Arabic-Indic
      "۸۱۲۳, 8123",                   // Extended Arabic-Indic (Persian, Urdu)
      "१२३, 123",                     // Devanagari
      "'a\u200F1\u200E2\uFEFF3', a123", // bidi marks and BOM
      "Заказ №12, Заказ #12",
      "Nº12 nº3 N°4, N#12 n#3 N#4",
      "90°, 90°",                     // a degree sign not after N is left alone
      "'a\u00A0b\u3000c\td', a b c d",
  })
  void normalizes(String raw, String expected) {
    assertEquals(expected, TextNormalizer.normalize(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"e\u200D\u0301", "８１２３ №5 Nº6", "مرحبا ٨١٢٣\u200f", "ﾃｽﾄ㍿",
      "Ｎ°5"}) // found by UnderstandingFuzzTest: NFKC makes the N of "N°" out of a full-width Ｎ
  void isIdempotent(String raw) {
    String once = TextNormalizer.normalize(raw);
    assertEquals(once, TextNormalizer.normalize(once));
  }
}
