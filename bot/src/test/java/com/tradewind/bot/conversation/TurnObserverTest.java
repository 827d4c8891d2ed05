package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What observers are told about each turn, and that a failing observer costs nobody a reply. */
class TurnObserverTest {

  private static Vertx vertx;
  private static DialogueEngine engine;
  private static final List<TurnEvent> EVENTS = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    engine = com.tradewind.bot.TestBot.start(vertx).engine();
    engine.observe(e -> {
      throw new IllegalStateException("a broken observer");
    }).observe(EVENTS::add);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static TurnEvent say(String conversation, String text, String action) throws Exception {
    EVENTS.clear();
    Turn turn = engine.handle(new IncomingMessage("whatsapp", "u-" + conversation, conversation, text, action))
        .await(30, TimeUnit.SECONDS);
    assertEquals(1, EVENTS.size());
    TurnEvent event = EVENTS.getFirst();
    assertEquals(turn.conversationId(), event.conversationId());
    assertEquals(turn.intent(), event.intent());
    assertEquals("whatsapp", event.channel());
    assertFalse(event.latency().isNegative());
    return event;
  }

  @Test
  void aKnowledgeAnswerCarriesItsIdAndPassages() throws Exception {
    TurnEvent answered = say("o1", "平台仲裁要多久", null);
    assertEquals(TurnEvent.Outcome.ANSWERED, answered.outcome());
    assertTrue(AnswerIds.isWellFormed(answered.answerId()), answered.answerId());
    assertEquals(TestKnowledge.DISPUTES, answered.passages().getFirst().path());
    TurnEvent vote = say("o1", "👍", "helpful:" + answered.answerId());
    assertEquals(DialogueEngine.FEEDBACK, vote.intent());
    assertEquals(new Feedback(answered.answerId(), true), vote.feedback());
    assertNull(say("o1", "hm", "helpful:not-an-id").feedback(), "a malformed id is not feedback");
  }

  @Test
  void unansweredHandoffAndSilenceAreToldApart() throws Exception {
    TurnEvent unanswered = say("o2", "What is the warranty policy for refurbished drones in Antarctica?", null);
    assertEquals(TurnEvent.Outcome.NOT_ANSWERED, unanswered.outcome());
    assertNull(unanswered.answerId());
    TurnEvent handoff = say("o3", "I want to talk to a person", "human");
    assertTrue(handoff.handoffStarted());
    assertEquals(TurnEvent.Outcome.REPLIED, handoff.outcome());
    TurnEvent silent = say("o3", "hello?", null);
    assertEquals(TurnEvent.Outcome.SILENT, silent.outcome());
    assertFalse(silent.handoffStarted());
    TurnEvent order = say("o4", "where is my order 8123456789012345?", null);
    assertEquals(TurnEvent.Outcome.REPLIED, order.outcome());
    assertNotNull(order.question());
  }
}
