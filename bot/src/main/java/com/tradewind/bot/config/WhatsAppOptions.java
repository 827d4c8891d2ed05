package com.tradewind.bot.config;

import com.tradewind.connectors.whatsapp.TemplateRef;
import com.tradewind.connectors.whatsapp.WhatsAppClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WhatsApp Cloud API connector's settings, from {@code WHATSAPP_*} environment variables.
 * The connector is on when its four secrets are set and off when none is; a partial set or a bad
 * value stops start-up with a message naming the variable (never its value).
 *
 * @param template the approved template sent outside the 24-hour window, or null
 * @param sourceBaseUrl the public address of this server, to turn {@code /kb/…} source links into
 *     full URLs, or null to list sources by title only
 */
public record WhatsAppOptions(String appSecret, String verifyToken, WhatsAppClientOptions client, TemplateRef template,
    String sourceBaseUrl) {

  public static final String APP_SECRET = "WHATSAPP_APP_SECRET";
  public static final String VERIFY_TOKEN = "WHATSAPP_VERIFY_TOKEN";
  public static final String ACCESS_TOKEN = "WHATSAPP_ACCESS_TOKEN";
  public static final String PHONE_NUMBER_ID = "WHATSAPP_PHONE_NUMBER_ID";
  public static final String API_URL = "WHATSAPP_API_URL";
  public static final String TEMPLATE_NAME = "WHATSAPP_TEMPLATE_NAME";
  public static final String TEMPLATE_LANGUAGE = "WHATSAPP_TEMPLATE_LANGUAGE";
  public static final String MESSAGES_PER_SECOND = "WHATSAPP_MESSAGES_PER_SECOND";
  public static final String TIMEOUT_MS = "WHATSAPP_TIMEOUT_MS";
  public static final String MAX_RETRIES = "WHATSAPP_MAX_RETRIES";
  public static final String RETRY_BACKOFF_MS = "WHATSAPP_RETRY_BACKOFF_MS";
  public static final String PAIR_BACKOFF_MS = "WHATSAPP_PAIR_BACKOFF_MS";
  public static final String SOURCE_BASE_URL = "WHATSAPP_SOURCE_BASE_URL";
  static final String PUBLIC_URL = "TRADEWIND_PUBLIC_URL";
  private static final List<String> SECRETS = List.of(APP_SECRET, VERIFY_TOKEN, ACCESS_TOKEN, PHONE_NUMBER_ID);

  /** The options when the connector is configured, empty when it is off. */
  public static Optional<WhatsAppOptions> load(Map<String, String> env) {
    List<String> missing = new ArrayList<>();
    for (String name : SECRETS) {
      if (value(env, name) == null) {
        missing.add(name);
      }
    }
    if (missing.size() == SECRETS.size()) {
      return Optional.empty();
    }
    if (!missing.isEmpty()) {
      throw ConfigException.ofSource(String.join(", ", missing),
          "is not set; the WhatsApp connector needs " + String.join(", ", SECRETS) + " (or none of them to stay off)");
    }
    String phoneNumberId = value(env, PHONE_NUMBER_ID);
    if (!phoneNumberId.matches("\\d{1,32}")) {
      throw ConfigException.ofSource(PHONE_NUMBER_ID, "must be the numeric phone number id from WhatsApp Manager");
    }
    String apiUrl = orDefault(env, API_URL, WhatsAppClientOptions.DEFAULT_API_URL);
    if (!apiUrl.matches("https?://[^\\s/]+(/\\S*)?")) {
      throw ConfigException.ofSource(API_URL, "must be an http(s) URL such as " + WhatsAppClientOptions.DEFAULT_API_URL);
    }
    WhatsAppClientOptions client = new WhatsAppClientOptions(apiUrl, phoneNumberId, value(env, ACCESS_TOKEN),
        decimal(env, MESSAGES_PER_SECOND, WhatsAppClientOptions.DEFAULT_RATE, 0.1, 10_000),
        Duration.ofMillis(integer(env, TIMEOUT_MS, 10_000, 100, 120_000)),
        (int) integer(env, MAX_RETRIES, 4, 0, 10),
        Duration.ofMillis(integer(env, RETRY_BACKOFF_MS, 1_000, 0, 60_000)),
        Duration.ofMillis(integer(env, PAIR_BACKOFF_MS, 6_000, 0, 600_000)));
    return Optional.of(new WhatsAppOptions(value(env, APP_SECRET), value(env, VERIFY_TOKEN), client, template(env),
        sourceBaseUrl(env)));
  }

  private static TemplateRef template(Map<String, String> env) {
    String name = value(env, TEMPLATE_NAME);
    if (name == null) {
      return null;
    }
    try {
      return new TemplateRef(name, orDefault(env, TEMPLATE_LANGUAGE, "en_US"));
    } catch (IllegalArgumentException e) {
      throw ConfigException.ofSource(TEMPLATE_NAME + "/" + TEMPLATE_LANGUAGE, e.getMessage());
    }
  }

  /** The bot's public address: {@code WHATSAPP_SOURCE_BASE_URL}, else {@code TRADEWIND_PUBLIC_URL} (shared with Slack). */
  private static String sourceBaseUrl(Map<String, String> env) {
    String name = value(env, SOURCE_BASE_URL) != null ? SOURCE_BASE_URL : PUBLIC_URL;
    String url = value(env, name);
    if (url != null && !url.matches("https?://[^\\s/]+(/\\S*)?")) {
      throw ConfigException.ofSource(name, "must be an http(s) URL such as https://support.example.com");
    }
    return url == null ? null : url.replaceAll("/+$", "");
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String orDefault(Map<String, String> env, String name, String fallback) {
    String v = value(env, name);
    return v == null ? fallback : v;
  }

  private static long integer(Map<String, String> env, String name, long fallback, long min, long max) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw ConfigException.ofSource(name, "must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw ConfigException.ofSource(name, "must be a whole number, was '" + v + "'");
    }
  }

  private static double decimal(Map<String, String> env, String name, double fallback, double min, double max) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    try {
      double d = Double.parseDouble(v);
      if (!(d >= min && d <= max)) {
        throw ConfigException.ofSource(name, "must be between " + min + " and " + max + ", was " + v);
      }
      return d;
    } catch (NumberFormatException e) {
      throw ConfigException.ofSource(name, "must be a number, was '" + v + "'");
    }
  }

  @Override
  public String toString() {
    // secrets stay out of logs
    return "WhatsAppOptions[client=" + client + ", template=" + template + ", sourceBaseUrl=" + sourceBaseUrl + "]";
  }
}
