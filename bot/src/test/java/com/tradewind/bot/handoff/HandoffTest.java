package com.tradewind.bot.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hand-off through the real dialogue engine: a case opens when the buyer asks for a person, the
 * bot stays silent while staff answer, staff words reach the buyer's channel, and the bot takes
 * over again when handed back or after the timeout — also after a restart.
 */
class HandoffTest {

  private static Vertx vertx;
  private static KnowledgeService knowledge;
  private static LanguageDetector detector;
  private static ReplyTemplates replies;
  private static final ConversationOptions OPTIONS = new ConversationOptions(Path.of("config/intents"),
      Path.of("config/replies"), Path.of("config/sample-orders.json"), Duration.ofHours(1));

  private final TestClock clock = new TestClock();
  private final RecordingDesk desk = new RecordingDesk();
  private Path file;
  private WebChatMailbox mailbox;
  private HandoffService service;
  private HandoffDialogue dialogue;

  @BeforeAll
  static void startKnowledge() throws Exception {
    vertx = Vertx.vertx();
    Path root = Files.createTempDirectory("handoff-kb");
    detector = new LanguageDetector();
    knowledge = new KnowledgeService(vertx,
        KnowledgeOptions.of(TestKnowledge.write(root.resolve("kb")), root.resolve("data"), Path.of("config/glossary.tsv")),
        detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    replies = ReplyTemplates.load(Path.of("config/replies"));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @BeforeEach
  void setUp() throws Exception {
    file = Files.createTempDirectory("handoff").resolve("handoffs.json");
    build(new FileHandoffRegistry(vertx, file));
  }

  /** A fresh engine (so fresh conversation state) over the given registry, as after a restart. */
  private void build(HandoffRegistry registry) throws Exception {
    DialogueEngine engine = DialogueAssembly.build(OPTIONS, knowledge, detector);
    mailbox = new InMemoryWebChatMailbox(Duration.ofHours(1), clock);
    service = new HandoffService(vertx, registry, desk, Map.of("web", mailbox), engine::release, replies, clock,
        Duration.ofMinutes(30));
    dialogue = new HandoffDialogue(engine, service, new RecentMessages(12, Duration.ofHours(1), 1000), clock);
  }

  private Turn say(String text) throws Exception {
    return dialogue.handle(new IncomingMessage("web", "ana", null, text, null)).await(30, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.await(10, TimeUnit.SECONDS);
  }

  @Test
  void staffAnswerTheBuyerThenHandBackAndTheBotAnswersAgain() throws Exception {
    say("hola");
    Turn asked = say("quiero hablar con una persona");
    assertTrue(asked.handoff());
    assertEquals("es", asked.reply().language());
    assertEquals(1, desk.opened.size(), "one staff thread");
    HandoffCase opened = desk.opened.get(0);
    assertEquals("web:ana", opened.conversationId());
    assertEquals("es", opened.language());
    assertTrue(desk.recent.get(0).stream().anyMatch(l -> l.from().equals("buyer") && l.text().equals("hola")),
        "staff see what was said before: " + desk.recent.get(0));

    Turn waiting = say("¿hay alguien?");
    assertNull(waiting.reply(), "the bot is silent while a person has the conversation");
    assertTrue(waiting.handoff());
    assertEquals(List.of("¿hay alguien?"), desk.buyerLines);
    assertEquals(1, desk.opened.size(), "still one thread");

    assertTrue(await(service.staffReplied("T-1", "Hola Ana, soy Marta. ¿En qué te ayudo?")));
    List<WebChatMailbox.Letter> letters = await(mailbox.after("web:ana", 0));
    assertEquals(1, letters.size());
    assertEquals("staff", letters.get(0).from());
    assertEquals("Hola Ana, soy Marta. ¿En qué te ayudo?", letters.get(0).text());

    assertTrue(await(service.handBackThread("T-1")));
    List<WebChatMailbox.Letter> after = await(mailbox.after("web:ana", 1));
    assertEquals(1, after.size());
    assertEquals(replies.text("es", "handoff_released"), after.get(0).text(), "told in Spanish");
    assertEquals(List.of(HandoffService.BY_STAFF), desk.closedReasons);
    assertFalse(await(service.staffReplied("T-1", "late")), "an old thread reaches nobody");

    Turn back = say("¿dónde está mi pedido 8123456789012345?");
    assertFalse(back.handoff());
    assertNotNull(back.reply());
    assertTrue(back.reply().text().contains("8123456789012345"), back.reply().text());
  }

  @Test
  void aCaseSurvivesARestartAndTimesOut() throws Exception {
    say("I want to talk to a human");
    assertEquals(1, desk.opened.size());
    assertTrue(Files.readString(file).contains("web:ana"), "saved to disk");

    build(new FileHandoffRegistry(vertx, file)); // a new process: engine state is gone, the file is not
    Turn afterRestart = say("hello? anyone there?");
    assertNull(afterRestart.reply(), "still with a person after the restart");
    assertEquals(1, desk.opened.size(), "no second thread");

    clock.advance(Duration.ofMinutes(29));
    assertEquals(0, await(service.expire()));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(1, await(service.expire()));
    assertEquals(List.of(HandoffService.TIMED_OUT), desk.closedReasons);
    assertEquals(replies.text("en", "handoff_released"), await(mailbox.after("web:ana", 0)).get(0).text());
    assertNotNull(say("where is my order 8123456789012345?").reply(), "the bot answers again");
  }

  @Test
  void aStaffReplyToAChannelWithoutARelayFailsClearly() throws Exception {
    await(service.open("whatsapp:346001", "whatsapp", "346001", "es", null, List.of()));
    Throwable failure = service.staffReplied("T-1", "hola").transform(ar -> Future.succeededFuture(ar.cause()))
        .await(10, TimeUnit.SECONDS);
    assertNotNull(failure);
    assertTrue(failure.getMessage().contains("whatsapp"), failure.getMessage());
  }

  /** A staff desk that numbers its threads T-1, T-2… and records what it was asked. */
  static final class RecordingDesk implements StaffDesk {
    final List<HandoffCase> opened = new CopyOnWriteArrayList<>();
    final List<List<ChatLine>> recent = new CopyOnWriteArrayList<>();
    final List<String> buyerLines = new CopyOnWriteArrayList<>();
    final List<String> closedReasons = new CopyOnWriteArrayList<>();

    @Override
    public Future<String> open(HandoffCase handoff, List<ChatLine> lines) {
      opened.add(handoff);
      recent.add(lines);
      return Future.succeededFuture("T-" + opened.size());
    }

    @Override
    public Future<Void> buyerWrote(HandoffCase handoff, String text) {
      buyerLines.add(text);
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> closed(HandoffCase handoff, String reason) {
      closedReasons.add(reason);
      return Future.succeededFuture();
    }
  }

  static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-11-28T10:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
