package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.commerce.CommerceDesk;
import com.tradewind.bot.commerce.OrderAccess;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingProvider;
import com.tradewind.connectors.commerce.sample.SampleStore;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Order questions end to end through the dialogue with the shipped knowledge base and replies:
 * who may see which order on every channel, masking, delay warnings with their playbook passage,
 * and clear replies when a provider fails.
 */
class CommerceDialogueTest {

  private static final ConversationOptions OPTIONS = new ConversationOptions(Path.of("config/intents"),
      Path.of("config/replies"), Path.of("config/sample-orders.json"), Duration.ofHours(1));
  private static final AtomicInteger IDS = new AtomicInteger();
  private static Vertx vertx;
  private static KnowledgeService knowledge;
  private static LanguageDetector detector;
  private static SampleStore sample;
  /** Every order id the provider was asked for, in order. */
  private static final List<String> ASKED = new ArrayList<>();
  private static DialogueEngine engine;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path root = Files.createTempDirectory("commerce-dialogue");
    detector = new LanguageDetector();
    knowledge = new KnowledgeService(vertx, KnowledgeOptions.of(Path.of("config/knowledge"), root.resolve("data"),
        Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(120, TimeUnit.SECONDS);
    sample = new SampleStore(Path.of("config/sample-orders.json"), Clock.systemUTC());
    OrderProvider counting = new OrderProvider() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public Future<Optional<Order>> order(String id) {
        synchronized (ASKED) {
          ASKED.add(id);
        }
        return sample.order(id);
      }
    };
    OrderAccess access = new OrderAccess(OrderAccess.WebAccess.TOKEN, Map.of("T0STAFF", Set.of(),
        "T0LIMITED", Set.of("C0ORDERS")));
    engine = DialogueAssembly.build(OPTIONS, knowledge, detector,
        new CommerceDesk(counting, sample, access, Duration.ofDays(7)));
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static Turn ask(DialogueEngine on, Asker asker, String text) throws Exception {
    String id = "c-" + IDS.incrementAndGet();
    return on.handle(new IncomingMessage(asker.channel(), "u-" + id, id, text, null, asker)).await(30, TimeUnit.SECONDS);
  }

  private static String lookedUp(Asker asker, String orderId) throws Exception {
    return ask(engine, asker, "where is my order " + orderId + "?").reply().text();
  }

  /**
   * The asker sees its own order; a foreign order gets exactly the reply of a non-existent one
   * (with the number swapped), after the same provider call.
   */
  private static void assertSeesOnly(Asker asker, String own, String foreign) throws Exception {
    if (own != null) {
      String text = lookedUp(asker, own);
      assertTrue(text.contains(own) && !text.contains("couldn't find"), asker + " sees " + own + ": " + text);
    }
    String missing = own != null && own.startsWith("#") ? "#9999" : "8123456789019999";
    String foreignText = lookedUp(asker, foreign);
    String missingText = lookedUp(asker, missing);
    assertTrue(foreignText.contains("couldn't find"), foreignText);
    assertEquals(missingText.replace(missing, "N"), foreignText.replace(foreign, "N"),
        asker + ": a foreign order must look like a missing one");
    synchronized (ASKED) {
      assertEquals(List.of(foreign, missing), ASKED.subList(ASKED.size() - 2, ASKED.size()),
          "both were looked up the same way");
    }
  }

  @Test
  void whatsAppBuyerSeesOnlyOrdersPlacedWithTheirPhone() throws Exception {
    // the WhatsApp "from" has no '+'; the store has +34600111222
    assertSeesOnly(new Asker("whatsapp", "34600111222", null, null, null), "8123456789012345", "8123456789012346");
    assertSeesOnly(new Asker("whatsapp", "34600111223", null, null, null), null, "8123456789012345");
  }

  @Test
  void webCustomerWithATokenSeesOnlyTheirOrders() throws Exception {
    assertSeesOnly(new Asker("web", null, null, null, "customer-77"), "#1001", "#1002");
    assertSeesOnly(Asker.anonymous("web"), null, "#1001");
  }

  @Test
  void slackStaffFromAllowedWorkspacesSeeAnyOrder() throws Exception {
    Asker staff = new Asker("slack", null, "T0STAFF", "C123", null);
    for (String any : List.of("8123456789012346", "#1002", "8123456789012349")) {
      String text = lookedUp(staff, any);
      assertTrue(text.contains(any) && !text.contains("couldn't find"), text);
    }
    assertTrue(lookedUp(staff, "#9999").contains("couldn't find"));
    assertSeesOnly(new Asker("slack", null, "T0OTHER", "C123", null), null, "8123456789012345");
    assertSeesOnly(new Asker("slack", null, "T0LIMITED", "C0ORDERS", null), "#1001", "#9996");
    assertSeesOnly(new Asker("slack", null, "T0LIMITED", "C0RANDOM", null), null, "#1001");
  }

  @Test
  void anOpenWebChatShowsSampleOrdersToAnyone() throws Exception {
    DialogueEngine open = DialogueAssembly.build(OPTIONS, knowledge, detector);
    String text = ask(open, Asker.anonymous("web"), "where is my order #1002?").reply().text();
    assertTrue(text.contains("#1002") && !text.contains("couldn't find"), text);
  }

  @Test
  void repliesMaskTheAddressAndPhone() throws Exception {
    String text = lookedUp(new Asker("whatsapp", "+34 600 111 222", null, null, null), "8123456789012345");
    assertTrue(text.contains("•••• 1222"), text);
    assertTrue(text.contains("Madrid"), text);
    assertFalse(text.contains("600111222") || text.contains("Calle Mayor") || text.contains("García"), text);
  }

  @Test
  void lateOrderIsFlaggedWithThePlaybookPassage() throws Exception {
    Turn t = ask(engine, new Asker("cli", null, null, null, null), "where is my order 8123456789012350?");
    assertTrue(t.reply().text().contains("past its promised delivery date"), t.reply().text());
    assertFalse(t.reply().sources().isEmpty(), "the playbook passage is cited");
    String section = t.reply().sources().get(0).section().toLowerCase(java.util.Locale.ROOT);
    assertTrue(section.contains("promised") || section.contains("protection"), t.reply().sources().toString());
    Turn onTime = ask(engine, new Asker("cli", null, null, null, null), "where is my order 8123456789012345?");
    assertFalse(onTime.reply().text().contains("⚠"), onTime.reply().text());
  }

  @Test
  void stalledParcelIsFlaggedInTheUsersLanguage() throws Exception {
    Turn t = ask(engine, Asker.anonymous("web"), "¿dónde está mi paquete LA839204179CN?");
    assertEquals("es", t.reply().language());
    assertTrue(t.reply().text().contains("sin nuevas actualizaciones de seguimiento"), t.reply().text());
    assertFalse(t.reply().sources().isEmpty());
    Turn moving = ask(engine, Asker.anonymous("web"), "track RR123456785CN");
    assertFalse(moving.reply().text().contains("⚠"), moving.reply().text());
  }

  @Test
  void providerFailuresGetAClearReplyInTheUsersLanguage() throws Exception {
    OrderProvider down = new OrderProvider() {
      @Override
      public String name() {
        return "down";
      }

      @Override
      public Future<Optional<Order>> order(String id) {
        return Future.failedFuture(new CommerceException("down", CommerceException.Reason.TIMEOUT, "no answer"));
      }
    };
    TrackingProvider parcelsDown = new TrackingProvider() {
      @Override
      public String name() {
        return "down";
      }

      @Override
      public Future<Optional<Tracking>> tracking(String number) {
        return Future.failedFuture(new CommerceException("down", CommerceException.Reason.CIRCUIT_OPEN, "open"));
      }
    };
    DialogueEngine failing = DialogueAssembly.build(OPTIONS, knowledge, detector, new CommerceDesk(down, parcelsDown,
        new OrderAccess(OrderAccess.WebAccess.OPEN, Map.of()), Duration.ofDays(7)));
    Turn order = ask(failing, Asker.anonymous("web"), "¿dónde está mi pedido 8123456789012345?");
    assertTrue(order.reply().text().startsWith("El sistema de pedidos no responde"), order.reply().text());
    assertFalse(order.reply().text().contains("Exception") || order.reply().text().contains("timeout"));
    assertEquals("human", order.reply().buttons().get(order.reply().buttons().size() - 1).id());
    Turn parcel = ask(failing, Asker.anonymous("web"), "Wo ist mein Paket RR123456785CN?");
    assertEquals("de", parcel.reply().language());
    assertTrue(parcel.reply().text().contains("Sendungsverfolgungsdienst antwortet gerade nicht"), parcel.reply().text());
  }
}
