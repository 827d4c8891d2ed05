package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Multi-turn conversations through the channel-neutral engine, with the shipped intents and replies. */
class DialogueEngineTest {

  private static Vertx vertx;
  private static DialogueEngine engine;
  private static final AtomicInteger CONVERSATIONS = new AtomicInteger();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    engine = com.tradewind.bot.TestBot.start(vertx).engine();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static final class Conversation {
    final String id = "test-" + CONVERSATIONS.incrementAndGet();

    Turn say(String text) throws Exception {
      return say(text, null);
    }

    Turn say(String text, String action) throws Exception {
      return engine.handle(new IncomingMessage("web", "u-" + id, id, text, action)).await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void missingOrderNumberIsAskedForThenTheNumberCompletesTheRequest() throws Exception {
    Conversation c = new Conversation();
    Turn ask = c.say("¿dónde está mi pedido?");
    assertEquals("es", ask.language());
    assertEquals("order_status", ask.intent());
    assertEquals("es", ask.reply().language());
    assertTrue(ask.entities().isEmpty());

    Turn answer = c.say("8123456789012345");
    assertEquals("order_status", answer.intent());
    assertEquals("es", answer.language(), "a bare number keeps the conversation's language");
    assertEquals("8123456789012345", answer.entities().get("order_id"));
    assertTrue(answer.reply().text().contains("8123456789012345"), answer.reply().text());
    assertTrue(answer.reply().text().contains("RR123456785CN"), answer.reply().text());
    assertTrue(answer.reply().text().contains("42,90"), "money in the Spanish locale: " + answer.reply().text());

    Turn tracking = c.say("¿y el seguimiento?");
    assertEquals("track_parcel", tracking.intent());
    assertTrue(tracking.reply().text().contains("RR123456785CN"), "refers to the last order: " + tracking.reply().text());
    assertTrue(tracking.reply().text().contains("Madrid"), tracking.reply().text());
  }

  @Test
  void orderNumberInTheFirstMessageIsAnsweredAtOnce() throws Exception {
    Turn t = new Conversation().say("where is my order 8123456789012346?");
    assertEquals("en", t.language());
    assertEquals("order_status", t.intent());
    assertTrue(t.reply().text().contains("8123456789012346"));
    Turn unknownOrder = new Conversation().say("where is my order 8999999999999999");
    assertTrue(unknownOrder.reply().text().contains("8999999999999999"));
    assertTrue(unknownOrder.reply().buttons().stream().anyMatch(b -> b.id().equals("human")));
  }

  @Test
  void validTrackingNumbersAreLookedUpAndInvalidCheckDigitsAreNot() throws Exception {
    Turn valid = new Conversation().say("track RR123456785CN please");
    assertEquals("track_parcel", valid.intent());
    assertEquals("RR123456785CN", valid.entities().get("tracking_number"));
    assertEquals("china-post", valid.entities().get("carrier"));
    Turn invalid = new Conversation().say("track RR123456786CN please");
    assertFalse(invalid.entities().containsKey("tracking_number"), invalid.entities().toString());
  }

  @Test
  void knowledgeQuestionsGetACitedAnswerInChinese() throws Exception {
    Turn t = new Conversation().say("平台仲裁要多久");
    assertEquals("zh", t.language());
    assertEquals("knowledge", t.intent());
    assertTrue(t.reply().text().contains("7个工作日"), t.reply().text());
    assertEquals(TestKnowledge.DISPUTES, t.reply().sources().get(0).path());
    assertEquals("/kb/" + TestKnowledge.DISPUTES, t.reply().sources().get(0).url());
  }

  @Test
  void handOffSilencesTheBotUntilReleased() throws Exception {
    Conversation c = new Conversation();
    Turn handoff = c.say("I want to talk to a human");
    assertEquals("human_agent", handoff.intent());
    assertTrue(handoff.handoff());
    assertNotNull(handoff.reply());
    Turn silent = c.say("hello? anyone there?");
    assertNull(silent.reply(), "the bot stays silent while a person has the conversation");
    assertTrue(silent.handoff());
    assertTrue(engine.release(c.id).await(5, TimeUnit.SECONDS));
    Turn back = c.say("hello");
    assertNotNull(back.reply());
    assertFalse(back.handoff());
  }

  @Test
  void aPolishReturnRequestIsAnsweredInPolish() throws Exception {
    Turn t = new Conversation().say("chcę zwrócić towar");
    assertEquals("pl", t.language());
    assertEquals("return_refund", t.intent());
    assertEquals("pl", t.reply().language());
  }

  @Test
  void shortMessagesKeepTheLanguageAndOddInputGetsAReply() throws Exception {
    Conversation c = new Conversation();
    assertEquals("de", c.say("Hallo, wo ist meine Bestellung?").language());
    assertEquals("de", c.say("ok").language());
    assertEquals("de", c.say("👍👍").language());
    Turn emoji = new Conversation().say("🍕🍕🍕");
    assertNotNull(emoji.reply());
    assertEquals("en", emoji.reply().language(), "no language to detect: English");
    Turn control = new Conversation().say("\u0000\u0007hola\u001b[31m");
    assertNotNull(control.reply());
    Turn mixed = new Conversation().say("hello 你好 привет مرحبا");
    assertNotNull(mixed.reply());
  }

  @Test
  void buttonsCarryActions() throws Exception {
    Conversation c = new Conversation();
    c.say("hola, ¿dónde está mi pedido?");
    c.say("8123456789012345");
    Turn tracked = c.say("Rastrear", "track");
    assertEquals("track_parcel", tracked.intent());
    assertTrue(tracked.reply().text().contains("RR123456785CN"));
    Turn thanks = c.say("Útil", "helpful");
    assertEquals("feedback", thanks.intent());
    assertTrue(thanks.reply().text().startsWith("¡Gracias"), thanks.reply().text());
    assertTrue(c.say("Hablar con una persona", "human").handoff());
  }
}
