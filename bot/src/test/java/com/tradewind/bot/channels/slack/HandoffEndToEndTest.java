package com.tradewind.bot.channels.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import com.tradewind.bot.channels.whatsapp.WhatsAppChannel;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.config.SlackOptions;
import com.tradewind.bot.config.WhatsAppOptions;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.handoff.FileHandoffRegistry;
import com.tradewind.bot.handoff.HandoffDialogue;
import com.tradewind.bot.handoff.HandoffService;
import com.tradewind.bot.handoff.InMemoryWebChatMailbox;
import com.tradewind.bot.handoff.RecentMessages;
import com.tradewind.bot.handoff.StaffDesk;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.TemplateRef;
import com.tradewind.connectors.whatsapp.WhatsAppClientOptions;
import com.tradewind.connectors.whatsapp.WhatsAppSignatureVerifier;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Human hand-off across real channels: a WhatsApp buyer asks for a person, the case opens as a
 * thread in the staff channel of a fake Slack API, a staff reply in that thread reaches the buyer
 * through a fake Graph API, the bot stays silent meanwhile, and after "hand back to bot" it
 * answers again.
 */
class HandoffEndToEndTest {

  private static final String STAFF = "C0STAFF01";
  private static final String BUYER = "5215512345678";
  private static final String WA_SECRET = "test_app_secret";
  private static final String MESSAGES = "/v21.0/106540352242922/messages";

  private static SlackTestBed bed;
  private static WireMockServer graph;
  private static ApiServer server;
  private static int port;
  private static int waMessages;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
    bed.resetSlack();
    graph = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
    graph.start();
    graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"wamid.{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));

    ReplyTemplates replies = ReplyTemplates.load(Path.of("config/replies"));
    Path data = Files.createTempDirectory("handoff-e2e");
    var mailbox = new InMemoryWebChatMailbox(Duration.ofHours(1), Clock.systemUTC());
    HandoffService handoffs = new HandoffService(bed.vertx, new FileHandoffRegistry(bed.vertx, data.resolve("handoffs.json")),
        StaffDesk.NONE, Map.of("web", mailbox), bed.engine::release, replies, Clock.systemUTC(), Duration.ofHours(1));
    HandoffDialogue dialogue = new HandoffDialogue(bed.engine, handoffs,
        new RecentMessages(12, Duration.ofHours(1), 1000), Clock.systemUTC());
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 10_000, Ticker.systemTicker());

    server = new ApiServer(bed.vertx, new HttpOptions("127.0.0.1", 0), bed.knowledge, dialogue, bed.kb);
    SlackOptions slackOptions = new SlackOptions(SlackTestBed.SECRET, "xoxb-test", null, bed.apiUrl(),
        Set.of("T061EG9R6"), "https://bot.example.com");
    SlackConnector slack = new SlackConnector(bed.vertx, slackOptions, SlackTestBed.fastTuning(), dialogue, inbox,
        new InMemoryFeedbackRecorder(), Clock.systemUTC(), handoffs, STAFF);
    slack.start().await(10, TimeUnit.SECONDS);
    server.with(slack.routes());
    WhatsAppOptions waOptions = new WhatsAppOptions(WA_SECRET, "verify", new WhatsAppClientOptions(
        "http://localhost:" + graph.port() + "/v21.0", "106540352242922", "test-access-token", 1000,
        Duration.ofSeconds(5), 3, Duration.ofMillis(50), Duration.ofMillis(50)),
        new TemplateRef("support_follow_up", "en_US"), "https://support.example.com");
    WhatsAppChannel whatsapp = WhatsAppChannel.install(bed.vertx, server, dialogue, replies, waOptions, inbox,
        Clock.systemUTC());
    handoffs.relay("whatsapp", whatsapp.buyerRelay());
    port = server.start().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop().await(10, TimeUnit.SECONDS);
    graph.stop();
    bed.close();
  }

  @Test
  void whatsappBuyerToSlackStaffAndBack() throws Exception {
    buyerSays("wamid.E2E1", "quiero hablar con una persona");
    JsonObject told = awaitWhatsApp(1).get(0);
    assertTrue(told.getJsonObject("text").getString("body").contains("persona"), "handoff reply in Spanish: " + told);

    JsonObject thread = awaitSlack(p -> STAFF.equals(p.getString("channel")) && p.getString("thread_ts") == null);
    String staffPost = thread.encode();
    assertTrue(staffPost.contains("quiero hablar con una persona"), "staff see the conversation: " + staffPost);
    assertTrue(staffPost.contains("5678") && !staffPost.contains(BUYER.substring(0, 9)),
        "the buyer's number is masked, also in button values: " + staffPost);
    assertEquals("hand-back", handBackValue(thread));

    buyerSays("wamid.E2E2", "¿hay alguien ahí?");
    JsonObject forwarded = awaitSlack(p -> "1700000000.000100".equals(p.getString("thread_ts"))
        && p.getString("text", "").contains("¿hay alguien ahí?"));
    assertTrue(forwarded.getString("text").startsWith("*Buyer:*"), forwarded.encode());

    staffReplies("Ev0STAFF1", "1700000001.000200", "Hola Ana, soy Marta. Reviso tu pedido ahora.");
    List<JsonObject> sent = awaitWhatsApp(2);
    assertEquals("Hola Ana, soy Marta. Reviso tu pedido ahora.", sent.get(1).getJsonObject("text").getString("body"));
    assertEquals(BUYER, sent.get(1).getString("to"), "sent to the number exactly as it wrote");
    assertEquals(2, waMessages(), "the bot said nothing to the buyer's second message");

    pressHandBack();
    List<JsonObject> afterHandBack = awaitWhatsApp(3);
    String back = afterHandBack.get(2).getJsonObject("text").getString("body");
    assertEquals(ReplyTemplates.load(Path.of("config/replies")).text("es", "handoff_released"), back);
    awaitSlack(p -> "1700000000.000100".equals(p.getString("thread_ts")) && p.getString("text", "").contains("Handed back"));

    buyerSays("wamid.E2E3", "¿cuánto tarda el envío a España?");
    JsonObject answer = awaitWhatsApp(4).get(3);
    assertFalse(answer.encode().contains("Marta"), answer.encode());
    staffReplies("Ev0STAFF2", "1700000002.000300", "¿Algo más?");
    Thread.sleep(500);
    assertEquals(4, waMessages(), "a reply in a closed case's thread no longer reaches the buyer");
  }

  // --- the buyer, on WhatsApp ---

  private static void buyerSays(String id, String text) throws Exception {
    String body = new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(
        new JsonObject().put("id", "102290129340398").put("changes", new JsonArray().add(new JsonObject()
            .put("field", "messages").put("value", new JsonObject().put("messaging_product", "whatsapp")
                .put("metadata", new JsonObject().put("display_phone_number", "15550783881")
                    .put("phone_number_id", "106540352242922"))
                .put("messages", new JsonArray().add(new JsonObject().put("from", BUYER).put("id", id)
                    .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000)).put("type", "text")
                    .put("text", new JsonObject().put("body", text))))))))).encode();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    var response = bed.client.post(port, "127.0.0.1", "/whatsapp/webhook").putHeader("Content-Type", "application/json")
        .putHeader(WhatsAppSignatureVerifier.HEADER, new WhatsAppSignatureVerifier(WA_SECRET).sign(bytes))
        .sendBuffer(Buffer.buffer(bytes)).await(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode(), response.bodyAsString());
  }

  /** Text messages to the buyer (read receipts left out), waiting until there are {@code count}. */
  private static List<JsonObject> awaitWhatsApp(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (textsToBuyer().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(300); // a second reply would show up now
    List<JsonObject> texts = textsToBuyer();
    assertEquals(count, texts.size(), "messages to the buyer: " + texts);
    waMessages = texts.size();
    return texts;
  }

  private static int waMessages() {
    return textsToBuyer().size();
  }

  private static List<JsonObject> textsToBuyer() {
    return graph.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream().map(LoggedRequest::getBodyAsString)
        .map(JsonObject::new).filter(j -> !"read".equals(j.getString("status")) && BUYER.equals(j.getString("to")))
        .toList();
  }

  // --- staff, on Slack ---

  private static void staffReplies(String eventId, String ts, String text) throws Exception {
    JsonObject event = new JsonObject().put("type", "message").put("channel", STAFF).put("user", "U0STAFF99")
        .put("text", text).put("ts", ts).put("thread_ts", "1700000000.000100").put("event_ts", ts)
        .put("channel_type", "channel");
    JsonObject callback = new JsonObject().put("token", "x").put("team_id", "T061EG9R6").put("api_app_id", "A0PNCHHK2")
        .put("event", event).put("type", "event_callback").put("event_id", eventId).put("event_time", 1700000001);
    byte[] body = callback.toBuffer().getBytes();
    var response = bed.client.post(port, "127.0.0.1", "/slack/events").putHeader("content-type", "application/json")
        .putHeaders(bed.signedHeaders(body, Clock.systemUTC().instant().getEpochSecond()))
        .sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
  }

  private static void pressHandBack() throws Exception {
    JsonObject payload = SlackTestBed.json("block-actions.json");
    payload.getJsonObject("team").put("id", "T061EG9R6");
    payload.getJsonObject("container").put("channel_id", STAFF).put("message_ts", "1700000000.000100").remove("thread_ts");
    payload.getJsonObject("channel").put("id", STAFF);
    payload.getJsonArray("actions").getJsonObject(0).put("action_id", "handoff_release").put("value", "hand-back");
    payload.put("response_url", "http://127.0.0.1:" + bed.slack.port() + "/response");
    byte[] body = ("payload=" + URLEncoder.encode(payload.encode(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    var response = bed.client.post(port, "127.0.0.1", "/slack/interactions")
        .putHeader("content-type", "application/x-www-form-urlencoded")
        .putHeaders(bed.signedHeaders(body, Clock.systemUTC().instant().getEpochSecond()))
        .sendBuffer(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    assertEquals(200, response.statusCode());
  }

  private static JsonObject awaitSlack(Predicate<JsonObject> which) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      for (JsonObject p : bed.posts()) {
        if (which.test(p)) {
          return p;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no such chat.postMessage; Slack got: " + bed.posts());
  }

  /** The conversation the staff message's "hand back to bot" button gives back. */
  private static String handBackValue(JsonObject post) {
    for (Object block : post.getJsonArray("blocks")) {
      JsonObject b = (JsonObject) block;
      if ("actions".equals(b.getString("type"))) {
        for (Object element : b.getJsonArray("elements")) {
          JsonObject button = (JsonObject) element;
          if ("handoff_release".equals(button.getString("action_id"))) {
            return button.getString("value");
          }
        }
      }
    }
    throw new AssertionError("no hand-back button: " + post.encode());
  }
}
