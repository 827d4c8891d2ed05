package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Before the language models are loaded the event loop must not wait for them, nor guess. */
@ExtendWith(VertxExtension.class)
class ConversationLanguageTest {

  @Test
  void beforeModelsAreLoadedOnlyTheScriptDecidesAndNothingIsLoaded() {
    LanguageDetector cold = new LanguageDetector(false);
    ConversationLanguage languages = new ConversationLanguage(cold);
    assertTrue(languages.readyFor("平台仲裁要多久").isComplete(), "Han text needs no model");
    assertTrue(languages.readyFor("8123456789012345").isComplete(), "a bare number needs no model");
    assertEquals("zh", languages.resolve("平台仲裁要多久", null));
    assertEquals("ar", languages.resolve("مرحبا، أين طلبي؟", "en"));
    assertEquals("es", languages.resolve("where is my order?", "es"), "without models a Latin message keeps the language");
    assertNull(languages.resolve("hola, ¿dónde está mi pedido?", null));
    assertFalse(cold.modelsLoaded());
  }

  @Test
  void aLatinMessageWaitsForTheModelsOffTheEventLoopThenIsJudged(Vertx vertx, VertxTestContext test) {
    LanguageDetector cold = new LanguageDetector(false);
    ConversationLanguage languages = new ConversationLanguage(cold);
    Context context = vertx.getOrCreateContext();
    context.runOnContext(v -> languages.readyFor("hola, ¿dónde está mi pedido?").onComplete(test.succeeding(ready -> test.verify(() -> {
      assertSame(context, Vertx.currentContext(), "the caller continues on its own event loop");
      assertTrue(cold.modelsLoaded());
      assertEquals("es", languages.resolve("hola, ¿dónde está mi pedido?", null));
      assertTrue(languages.readyFor("где мой заказ").isComplete(), "loaded once, ready at once afterwards");
      test.completeNow();
    }))));
  }

  @Test
  void aNewLatinTextIsDetectedOffTheEventLoopAndTheCallerContinuesOnIt(Vertx vertx, VertxTestContext test) {
    LanguageDetector warm = new LanguageDetector(true, 100);
    ConversationLanguage languages = new ConversationLanguage(warm);
    Context context = vertx.getOrCreateContext();
    String text = "chcę zwrócić towar, który przyszedł uszkodzony";
    context.runOnContext(v -> languages.detect(text).onComplete(test.succeeding(detected -> test.verify(() -> {
      assertSame(context, Vertx.currentContext(), "back on the caller's event loop");
      assertEquals("pl", detected.language().orElseThrow().code());
      assertEquals("pl", languages.resolve(detected, "en"), "a clear sentence switches the conversation");
      assertEquals(languages.resolve(text, "en"), languages.resolve(detected, "en"), "same as detecting in place");
      assertTrue(languages.detect("8123456789012345").result().language().isEmpty(), "a bare number says nothing");
      test.completeNow();
    }))));
  }
}
