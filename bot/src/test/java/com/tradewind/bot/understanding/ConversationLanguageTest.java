package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.tradewind.knowledge.lang.LanguageDetector;
import org.junit.jupiter.api.Test;

/** Before the language models are loaded the event loop must not wait for them. */
class ConversationLanguageTest {

  @Test
  void beforeModelsAreLoadedOnlyTheScriptDecidesAndNothingIsLoaded() {
    LanguageDetector cold = new LanguageDetector(false);
    ConversationLanguage languages = new ConversationLanguage(cold);
    assertEquals("zh", languages.resolve("平台仲裁要多久", null));
    assertEquals("ar", languages.resolve("مرحبا، أين طلبي؟", "en"));
    assertEquals("es", languages.resolve("where is my order?", "es"), "a Latin message keeps the language");
    assertNull(languages.resolve("hola, ¿dónde está mi pedido?", null), "no guess yet: the reply falls back to English");
    assertFalse(cold.modelsLoaded());
  }
}
