package com.tradewind.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The WhatsApp connector is off without secrets, on with them, and refuses bad values by name. */
class WhatsAppOptionsTest {

  private static Map<String, String> secrets() {
    Map<String, String> env = new HashMap<>();
    env.put("WHATSAPP_APP_SECRET", "app-secret-value");
    env.put("WHATSAPP_VERIFY_TOKEN", "verify-token-value");
    env.put("WHATSAPP_ACCESS_TOKEN", "EAAG-access-token-value");
    env.put("WHATSAPP_PHONE_NUMBER_ID", "106540352242922");
    return env;
  }

  @Test
  void offWithoutSecrets() {
    assertTrue(WhatsAppOptions.load(Map.of()).isEmpty());
    assertTrue(WhatsAppOptions.load(Map.of("WHATSAPP_APP_SECRET", "  ")).isEmpty());
  }

  @Test
  void onWithSecretsAndDocumentedDefaults() {
    WhatsAppOptions options = WhatsAppOptions.load(secrets()).orElseThrow();
    assertEquals("https://graph.facebook.com/v21.0/106540352242922/messages", options.client().messagesUrl());
    assertEquals(80, options.client().messagesPerSecond());
    assertEquals(Duration.ofSeconds(10), options.client().timeout());
    assertNull(options.template());
    assertNull(options.sourceBaseUrl());
    String shown = options.toString();
    for (String secret : secrets().values()) {
      if (!secret.equals("106540352242922")) {
        assertFalse(shown.contains(secret), shown);
      }
    }
  }

  @Test
  void optionalSettingsAreRead() {
    Map<String, String> env = secrets();
    env.put("WHATSAPP_API_URL", "http://localhost:9999/v22.0/");
    env.put("WHATSAPP_TEMPLATE_NAME", "support_follow_up");
    env.put("WHATSAPP_TEMPLATE_LANGUAGE", "es_MX");
    env.put("WHATSAPP_MESSAGES_PER_SECOND", "1000");
    env.put("WHATSAPP_SOURCE_BASE_URL", "https://support.example.com/");
    WhatsAppOptions options = WhatsAppOptions.load(env).orElseThrow();
    assertEquals("http://localhost:9999/v22.0/106540352242922/messages", options.client().messagesUrl());
    assertEquals("es_MX", options.template().languageCode());
    assertEquals(1000, options.client().messagesPerSecond());
    assertEquals("https://support.example.com", options.sourceBaseUrl());
  }

  @Test
  void sourceLinksUseTheBotsPublicUrlUnlessWhatsAppHasItsOwn() {
    Map<String, String> env = secrets();
    env.put("TRADEWIND_PUBLIC_URL", "https://bot.example.com/");
    assertEquals("https://bot.example.com", WhatsAppOptions.load(env).orElseThrow().sourceBaseUrl());
    env.put("WHATSAPP_SOURCE_BASE_URL", "https://support.example.com");
    assertEquals("https://support.example.com", WhatsAppOptions.load(env).orElseThrow().sourceBaseUrl());
    env.remove("WHATSAPP_SOURCE_BASE_URL");
    env.put("TRADEWIND_PUBLIC_URL", "bot.example.com");
    ConfigException e = assertThrows(ConfigException.class, () -> WhatsAppOptions.load(env));
    assertTrue(e.getMessage().contains("TRADEWIND_PUBLIC_URL"), e.getMessage());
  }

  @Test
  void aPartialSetNamesWhatIsMissing() {
    Map<String, String> env = secrets();
    env.remove("WHATSAPP_ACCESS_TOKEN");
    env.remove("WHATSAPP_VERIFY_TOKEN");
    ConfigException e = assertThrows(ConfigException.class, () -> WhatsAppOptions.load(env));
    assertTrue(e.getMessage().contains("WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN"), e.getMessage());
    assertFalse(e.getMessage().contains("app-secret-value"));
  }

  @Test
  void badValuesNameTheirVariable() {
    Map<String, String> cases = Map.of(
        "WHATSAPP_PHONE_NUMBER_ID", "+1 555 0100",
        "WHATSAPP_API_URL", "graph.facebook.com",
        "WHATSAPP_MESSAGES_PER_SECOND", "fast",
        "WHATSAPP_TIMEOUT_MS", "0",
        "WHATSAPP_MAX_RETRIES", "99",
        "WHATSAPP_TEMPLATE_NAME", "Support Follow-up",
        "WHATSAPP_SOURCE_BASE_URL", "support.example.com");
    cases.forEach((name, value) -> {
      Map<String, String> env = secrets();
      env.put(name, value);
      ConfigException e = assertThrows(ConfigException.class, () -> WhatsAppOptions.load(env), name);
      assertTrue(e.getMessage().contains(name), e.getMessage());
    });
  }
}
