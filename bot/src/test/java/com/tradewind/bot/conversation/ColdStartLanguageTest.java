package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestBot;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first messages after {@code serve} becomes ready, while the language models still load:
 * a Spanish buyer is answered in Spanish, not in the English fallback.
 */
@ExtendWith(VertxExtension.class)
class ColdStartLanguageTest {

  @Test
  void firstLatinMessageBeforeTheModelsLoadIsAnsweredInItsLanguage(Vertx vertx, VertxTestContext test) throws Exception {
    LanguageDetector cold = new LanguageDetector(false);
    DialogueEngine engine = TestBot.start(vertx, cold).engine();
    assertFalse(cold.modelsLoaded(), "the index alone must not have loaded the models");
    vertx.runOnContext(v -> engine.handle(new IncomingMessage("web", "madrid", "cold-1", "¿dónde está mi pedido?", null))
        .onComplete(test.succeeding(turn -> test.verify(() -> {
          assertEquals("es", turn.language());
          assertEquals("es", turn.reply().language());
          assertEquals("order_status", turn.intent());
          assertTrue(cold.modelsLoaded());
          test.completeNow();
        }))));
  }
}
