package com.tradewind.bot.replies;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Reply templates by language, read from {@code config/replies/<lang>.yaml} ({@code key: text}
 * with {@code {placeholder}}s). A language without a file, or a key missing from its file, falls
 * back to English, so a reply is never empty.
 */
public final class ReplyTemplates {

  public static final String FALLBACK = "en";
  /** Currency formats by language and currency code, to be cloned before use. */
  private static final Map<String, NumberFormat> CURRENCY_FORMATS = new ConcurrentHashMap<>();
  private static final Map<String, DateTimeFormatter> DATE_FORMATS = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> byLanguage;

  private ReplyTemplates(Map<String, Map<String, String>> byLanguage) {
    this.byLanguage = byLanguage;
  }

  public static ReplyTemplates load(Path dir) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Map<String, String>> all = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        String lang = file.getFileName().toString().replace(".yaml", "");
        try {
          all.put(lang, yaml.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
        } catch (IOException e) {
          throw new IOException(file + ": not a map of reply texts: " + e.getMessage(), e);
        }
      }
    }
    if (!all.containsKey(FALLBACK)) {
      throw new IOException(dir + " has no " + FALLBACK + ".yaml, the fallback language");
    }
    return new ReplyTemplates(all);
  }

  /** The language replies will be written in for a user of {@code lang}. */
  public String replyLanguage(String lang) {
    return lang != null && byLanguage.containsKey(lang) ? lang : FALLBACK;
  }

  /** The text for {@code key} with placeholders filled; unknown placeholders stay visible. */
  public String text(String lang, String key, Map<String, String> values) {
    String template = byLanguage.getOrDefault(replyLanguage(lang), Map.of()).get(key);
    if (template == null) {
      template = byLanguage.get(FALLBACK).getOrDefault(key, key);
    }
    String out = template;
    for (var e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
    }
    return out;
  }

  public String text(String lang, String key) {
    return text(lang, key, Map.of());
  }

  public static Locale locale(String lang) {
    return Locale.forLanguageTag(lang == null ? FALLBACK : lang);
  }

  public static String money(BigDecimal amount, String currency, String lang) {
    // Building a currency format looks up the locale's data (several µs); a clone of a built one
    // formats the same. NumberFormat is not thread-safe, so the cached one itself is never used.
    String key = lang + ' ' + currency;
    NumberFormat prototype = CURRENCY_FORMATS.get(key);
    if (prototype == null) {
      NumberFormat format = NumberFormat.getCurrencyInstance(locale(lang));
      try {
        format.setCurrency(Currency.getInstance(currency));
      } catch (IllegalArgumentException e) {
        return amount.toPlainString() + " " + currency; // not cached: the map holds real currencies only
      }
      prototype = format;
      CURRENCY_FORMATS.putIfAbsent(key, format);
    }
    return ((NumberFormat) prototype.clone()).format(amount);
  }

  public static String date(LocalDate date, String lang) {
    // DateTimeFormatter is immutable and thread-safe: one per language
    return date.format(DATE_FORMATS.computeIfAbsent(lang == null ? FALLBACK : lang,
        l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(l))));
  }

  public static String date(java.time.Instant instant, String lang) {
    return date(instant.atZone(ZoneOffset.UTC).toLocalDate(), lang);
  }
}
