package com.tradewind.bot.conversation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.tradewind.bot.commerce.CommerceAssembly;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parcel of an AliExpress order tracked end to end: the dialogue, {@link CommerceAssembly}
 * built from the environment, and WireMock standing in for the AliExpress gateway (and 17TRACK)
 * with the payloads recorded for the connectors' tests.
 */
class AliExpressTrackingDialogueTest {

  private static final Path PAYLOADS = Path.of("connectors/src/test/resources/providers");
  private static final String FIND_ORDER = "aliexpress.trade.new.redefining.findorderbyid";
  private static final String TRACKING = "aliexpress.logistics.redefining.querytrackingresult";
  private static final String ORDER = "8123456789012345";
  /** The buyer of {@link #ORDER} writing on WhatsApp (no '+' in the WhatsApp "from"). */
  private static final Asker BUYER = new Asker("whatsapp", "34600111222", null, null, null);
  private static final Asker STRANGER = new Asker("whatsapp", "34600999888", null, null, null);

  private final Vertx vertx = Vertx.vertx();
  private final WireMockServer wiremock = new WireMockServer(options().dynamicPort());
  private ConversationOptions options;
  private LanguageDetector detector;
  private KnowledgeService knowledge;

  @BeforeEach
  void start() throws Exception {
    wiremock.start();
    stub(gateway(FIND_ORDER).withRequestBody(containing(ORDER)).atPriority(1), "aliexpress/findorderbyid.json");
    stub(gateway(FIND_ORDER).atPriority(5), "aliexpress/findorderbyid-empty.json");
    stub(gateway(TRACKING), "aliexpress/querytrackingresult.json");
    stub(post(urlEqualTo("/track/v2.2/gettrackinfo")), "17track/gettrackinfo.json");
    options = new ConversationOptions(Path.of("config/intents"), Path.of("config/replies"),
        Path.of("config/sample-orders.json"), Duration.ofHours(1));
    detector = new LanguageDetector();
    // Not started: order and parcel replies do not need the index (delay warnings go without a passage).
    knowledge = new KnowledgeService(vertx, KnowledgeOptions.of(Path.of("config/knowledge"),
        Files.createTempDirectory("aliexpress-tracking"), Path.of("config/glossary.tsv")), detector);
  }

  @AfterEach
  void stop() {
    wiremock.stop();
    vertx.close();
  }

  private static MappingBuilder gateway(String method) {
    return post(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(method));
  }

  private void stub(MappingBuilder mapping, String payload) throws Exception {
    wiremock.stubFor(mapping.willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody(Files.readString(PAYLOADS.resolve(payload)))));
  }

  private DialogueEngine engine(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("TRADEWIND_ORDERS_PROVIDER", "aliexpress",
        "ALIEXPRESS_APP_KEY", "12345678", "ALIEXPRESS_APP_SECRET", "helloworld", "ALIEXPRESS_ACCESS_TOKEN", "test",
        "ALIEXPRESS_API_URL", wiremock.baseUrl(), "TRADEWIND_WEB_CUSTOMER_SECRET", "a-long-enough-shop-secret"));
    env.putAll(extra);
    CommerceAssembly commerce = CommerceAssembly.fromEnv(vertx, env, options.sampleOrders());
    return DialogueAssembly.build(options, knowledge, detector, commerce.desk());
  }

  private static Turn ask(DialogueEngine engine, Asker asker, String conversation, String text) throws Exception {
    return engine.handle(new IncomingMessage(asker.channel(), asker.phone(), conversation, text, null, asker))
        .await(30, TimeUnit.SECONDS);
  }

  private int trackingCalls() {
    return wiremock.findAll(postRequestedFor(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(TRACKING))).size();
  }

  @Test
  void anAliExpressOrdersParcelIsTrackedByAliExpressInTheBuyersLanguage() throws Exception {
    DialogueEngine engine = engine(Map.of());
    Turn turn = ask(engine, BUYER, "c-1", "rastrear el pedido " + ORDER);
    String text = turn.reply().text();
    assertEquals("es", turn.reply().language());
    assertTrue(text.contains("Paquete RR123456785CN") && text.contains("Departed from facility, Guangzhou"), text);
    assertTrue(text.contains("días sin nuevas actualizaciones"), "the 2024 parcel is stalled: " + text);
    wiremock.verify(1, postRequestedFor(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(TRACKING))
        .withRequestBody(containing("logistics_no=RR123456785CN")).withRequestBody(containing("out_ref=" + ORDER))
        .withRequestBody(containing("to_area=ES")).withRequestBody(containing("service_name=CAINIAO_STANDARD")));
    assertTrue(wiremock.findAll(postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo"))).isEmpty());

    // "and the tracking?" after the order was discussed: the same source (now from the cache)
    String conversation = UUID.randomUUID().toString();
    String order = ask(engine, BUYER, conversation, "¿Dónde está mi pedido " + ORDER + "?").reply().text();
    assertTrue(order.contains(ORDER) && !order.contains("No encontré"), order);
    String followUp = ask(engine, BUYER, conversation, "¿y el seguimiento?").reply().text();
    assertTrue(followUp.contains("Departed from facility, Guangzhou"), followUp);
    assertEquals(1, trackingCalls(), "the parcel is cached for 10 minutes");
  }

  @Test
  void aConfiguredTrackingServiceIsUsedInstead() throws Exception {
    DialogueEngine engine = engine(Map.of("TRADEWIND_TRACKING_PROVIDER", "17track", "SEVENTEENTRACK_API_KEY", "key-17",
        "SEVENTEENTRACK_API_URL", wiremock.baseUrl()));
    String text = ask(engine, BUYER, "c-2", "rastrear el pedido " + ORDER).reply().text();
    assertTrue(text.contains("Departed from port of origin"), "17TRACK's wording: " + text);
    assertEquals(0, trackingCalls());
    wiremock.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo"))
        .withRequestBody(containing("RR123456785CN")));
  }

  @Test
  void aForeignOrdersParcelIsAnsweredLikeAMissingOrder() throws Exception {
    DialogueEngine engine = engine(Map.of());
    String missing = "8123456789012399";
    String foreign = ask(engine, STRANGER, "c-3", "rastrear el pedido " + ORDER).reply().text();
    String unknown = ask(engine, STRANGER, "c-4", "rastrear el pedido " + missing).reply().text();
    assertTrue(foreign.startsWith("No encontré el pedido"), foreign);
    assertEquals(unknown.replace(missing, "N"), foreign.replace(ORDER, "N"));
    assertFalse(foreign.contains("RR123456785CN") || foreign.contains("Guangzhou"), foreign);
    assertEquals(0, trackingCalls(), "nothing is tracked for an order the asker may not see");
    wiremock.verify(2, postRequestedFor(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(FIND_ORDER)));
  }
}
