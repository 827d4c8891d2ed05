package com.tradewind.bot.replies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Amounts and dates come out as a freshly built format would write them, however often and from however many threads. */
class ReplyFormatsTest {

  private static String fresh(BigDecimal amount, String currency, String lang) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(lang));
    format.setCurrency(Currency.getInstance(currency));
    return format.format(amount);
  }

  @Test
  void moneyAsAFreshFormatWritesIt() {
    for (String lang : List.of("en", "de", "fr", "ja", "ar", "ru", "pt", "tr")) {
      for (String currency : List.of("USD", "EUR", "JPY", "RUB")) {
        for (BigDecimal amount : List.of(new BigDecimal("0"), new BigDecimal("12.5"), new BigDecimal("1234567.891"))) {
          assertEquals(fresh(amount, currency, lang), ReplyTemplates.money(amount, currency, lang));
          assertEquals(fresh(amount, currency, lang), ReplyTemplates.money(amount, currency, lang), "second call");
        }
      }
    }
  }

  @Test
  void anUnknownCurrencyIsWrittenAsItCame() {
    assertEquals("12.50 XYZQ", ReplyTemplates.money(new BigDecimal("12.50"), "XYZQ", "en"));
    assertEquals("12.50 XYZQ", ReplyTemplates.money(new BigDecimal("12.50"), "XYZQ", "en"));
  }

  @Test
  void datesPerLanguage() {
    LocalDate date = LocalDate.of(2026, 11, 29);
    for (String lang : List.of("en", "de", "zh", "ko")) {
      assertEquals(date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.forLanguageTag(lang))),
          ReplyTemplates.date(date, lang));
    }
    assertEquals(ReplyTemplates.date(date, "en"), ReplyTemplates.date(date, (String) null));
  }

  @Test
  void concurrentCallersGetTheSameText() throws Exception {
    var pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            BigDecimal amount = new BigDecimal(i).movePointLeft(2);
            if (!fresh(amount, "EUR", "de").equals(ReplyTemplates.money(amount, "EUR", "de"))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> r : results) {
        assertEquals(true, r.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
