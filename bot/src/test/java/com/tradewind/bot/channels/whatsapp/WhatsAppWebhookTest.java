package com.tradewind.bot.channels.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.config.WhatsAppOptions;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.TemplateRef;
import com.tradewind.connectors.whatsapp.WhatsAppClientOptions;
import com.tradewind.connectors.whatsapp.WhatsAppSignatureVerifier;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conformance of {@code /whatsapp/webhook} with Meta's documented payloads: a real HTTP server,
 * the real dialogue engine and replies, and WireMock standing in for the Graph API.
 */
class WhatsAppWebhookTest {

  private static final String SECRET = "test_app_secret";
  private static final String VERIFY_TOKEN = "vibecoding";
  private static final String MESSAGES = "/v21.0/106540352242922/messages";
  private static final WhatsAppSignatureVerifier SIGNER = new WhatsAppSignatureVerifier(SECRET);

  private static Vertx vertx;
  private static DialogueEngine engine;
  private static ReplyTemplates replies;
  private static WireMockServer graph;
  private static WebClient http;

  private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1739321024 + 60));
  private ApiServer server;
  private WhatsAppChannel channel;
  private int port;

  @BeforeAll
  static void startAll() throws Exception {
    vertx = Vertx.vertx();
    engine = com.tradewind.bot.TestBot.start(vertx).engine();
    replies = ReplyTemplates.load(Path.of("config/replies"));
    graph = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
    graph.start();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stopAll() {
    graph.stop();
    vertx.close();
  }

  @BeforeEach
  void start() throws Exception {
    graph.resetAll();
    answerSends(200, "send-ok.json");
    startServer(new InMemoryInbox(Duration.ofDays(7), 10_000, Ticker.systemTicker()));
  }

  private void startServer(Inbox inbox) throws Exception {
    if (server != null) {
      server.stop().await(5, TimeUnit.SECONDS);
    }
    WhatsAppOptions options = new WhatsAppOptions(SECRET, VERIFY_TOKEN, new WhatsAppClientOptions(
        "http://localhost:" + graph.port() + "/v21.0", "106540352242922", "test-access-token", 1000,
        Duration.ofSeconds(5), 3, Duration.ofMillis(50), Duration.ofMillis(50)),
        new TemplateRef("support_follow_up", "en_US"), "https://support.example.com");
    server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), null, null, null);
    channel = WhatsAppChannel.install(vertx, server, engine, replies, options, inbox, clock);
    port = server.start().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    server.stop().await(5, TimeUnit.SECONDS);
    // replies still in flight must not reach the next test's fake Graph API
    int seen;
    do {
      seen = graph.getAllServeEvents().size();
      Thread.sleep(150);
    } while (graph.getAllServeEvents().size() != seen);
  }

  // --- helpers ---

  private static void answerSends(int status, String payload) {
    graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(resource(payload))));
  }

  static String resource(String name) {
    try (InputStream in = WhatsAppWebhookTest.class.getResourceAsStream("/whatsapp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing test payload " + name, e);
    }
  }

  private HttpResponse<Buffer> postSigned(String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return postRaw(Buffer.buffer(bytes), SIGNER.sign(bytes));
  }

  private HttpResponse<Buffer> postRaw(Buffer body, String signature) throws Exception {
    var request = http.post(port, "127.0.0.1", WhatsAppWebhook.PATH).putHeader("Content-Type", "application/json");
    if (signature != null) {
      request.putHeader(WhatsAppSignatureVerifier.HEADER, signature);
    }
    return request.sendBuffer(body).await(10, TimeUnit.SECONDS);
  }

  private static String status(String id, String status, long timestamp, boolean failed131047, String to) {
    return resource("status-template.json").replace("${id}", id).replace("${status}", status).replace("${to}", to)
        .replace("${timestamp}", String.valueOf(timestamp))
        .replace("${errors}", failed131047 ? resource("failed-131047-errors.json").strip() : "");
  }

  /** Graph API requests of one {@code type} (text, interactive, template) or read receipts ({@code read}). */
  private static List<LoggedRequest> sent(String type) {
    return graph.findAll(postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(
        "read".equals(type) ? matchingJsonPath("$.status", equalTo("read")) : matchingJsonPath("$.type", equalTo(type))));
  }

  /** Waits for {@code count} requests of {@code type} to one recipient (other tests' stragglers do not count). */
  private static List<LoggedRequest> awaitSentTo(String type, String to, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    java.util.function.Supplier<List<LoggedRequest>> find = () -> sent(type).stream()
        .filter(r -> to.equals(body(r).getString("to"))).toList();
    while (find.get().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(250);
    assertEquals(count, find.get().size(), type + " requests to " + to);
    return find.get();
  }

  /** Waits until {@code count} requests of {@code type} reached the fake Graph API, then a little more for extras. */
  private static List<LoggedRequest> awaitSent(String type, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (sent(type).size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(250); // anything sent twice would show up now
    List<LoggedRequest> found = sent(type);
    assertEquals(count, found.size(), "requests of type " + type + ": " + found.stream().map(LoggedRequest::getBodyAsString).toList());
    return found;
  }

  private static JsonObject body(LoggedRequest request) {
    return new JsonObject(request.getBodyAsString());
  }

  // --- verification handshake ---

  @Test
  void verificationEchoesTheChallengeVerbatim() throws Exception {
    HttpResponse<Buffer> ok = http.get(port, "127.0.0.1",
        WhatsAppWebhook.PATH + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=vibecoding")
        .send().await(10, TimeUnit.SECONDS);
    assertEquals(200, ok.statusCode());
    assertEquals("1158201444", ok.bodyAsString());
    assertTrue(ok.getHeader("content-type").startsWith("text/plain"));
  }

  @Test
  void verificationWithAWrongTokenOrModeIsForbidden() throws Exception {
    for (String query : List.of("?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong",
        "?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token=vibecoding",
        "?hub.mode=subscribe&hub.challenge=1158201444", "")) {
      HttpResponse<Buffer> r = http.get(port, "127.0.0.1", WhatsAppWebhook.PATH + query).send().await(10, TimeUnit.SECONDS);
      assertEquals(403, r.statusCode(), query);
      assertTrue(r.bodyAsJsonObject().containsKey("error"));
    }
  }

  // --- signatures ---

  @Test
  void missingBadAndReEncodedSignaturesAre401AndNothingIsProcessed() throws Exception {
    String text = resource("text-mexico.json");
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    String good = SIGNER.sign(raw);
    assertEquals(401, postRaw(Buffer.buffer(raw), null).statusCode());
    assertEquals(401, postRaw(Buffer.buffer(raw), "sha256=" + "0".repeat(64)).statusCode());
    assertEquals(401, postRaw(Buffer.buffer(raw), "sha1=abc").statusCode());
    assertEquals(401, postRaw(Buffer.buffer(raw), new WhatsAppSignatureVerifier("other").sign(raw)).statusCode());
    // the same notification re-serialized with literal UTF-8 no longer matches what Meta signed
    byte[] reEncoded = new JsonObject(text).encode().getBytes(StandardCharsets.UTF_8);
    assertTrue(new String(reEncoded, StandardCharsets.UTF_8).contains("¿dónde"));
    HttpResponse<Buffer> r = postRaw(Buffer.buffer(reEncoded), good);
    assertEquals(401, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("does not match"));
    Thread.sleep(300);
    assertEquals(0, graph.getAllServeEvents().size(), "nothing was answered or marked read");
    assertEquals(Map.of("signature_malformed", 1L, "signature_mismatch", 3L, "signature_missing", 1L), channel.rejections());
    // and the genuine delivery afterwards is still new, not a duplicate of the rejected ones
    assertEquals(1, postRaw(Buffer.buffer(raw), good).bodyAsJsonObject().getInteger("accepted"));
  }

  // --- messages ---

  @Test
  void textIsAnsweredInTheUsersLanguageToFromVerbatimAndMarkedRead() throws Exception {
    HttpResponse<Buffer> r = postSigned(resource("text-mexico.json"));
    assertEquals(200, r.statusCode());
    assertEquals(1, r.bodyAsJsonObject().getInteger("accepted"));
    JsonObject reply = body(awaitSent("text", 1).get(0));
    assertEquals("5215512345678", reply.getString("to"), "the Mexican 521 id is not rewritten to 52");
    assertEquals("whatsapp", reply.getString("messaging_product"));
    assertEquals(replies.text("es", "ask_order_number"), reply.getJsonObject("text").getString("body"));
    JsonObject read = body(awaitSent("read", 1).get(0));
    assertEquals("wamid.HBgNNTIxNTUxMjM0NTY3OBUCABIYFDNBRjE2QjQ3RjBBQTlGNzNFNzA1AA==", read.getString("message_id"));
  }

  @Test
  void buttonReplyIdBecomesTheAction() throws Exception {
    assertEquals(200, postSigned(resource("button-reply.json")).statusCode());
    JsonObject reply = body(awaitSent("text", 1).get(0));
    assertEquals("16505559876", reply.getString("to"));
    // the title says nothing about orders; the button id order_status makes the bot ask for the order number
    assertEquals(replies.text("en", "ask_order_number"), reply.getJsonObject("text").getString("body"));
  }

  @Test
  void repliesWithButtonsBecomeInteractiveReplyButtons() throws Exception {
    String body = resource("text-mexico.json").replace("Hola, \\u00bfd\\u00f3nde est\\u00e1 mi pedido?",
        "Mi pedido 9999999999999999 no aparece");
    assertEquals(200, postSigned(body).statusCode());
    JsonObject reply = body(awaitSent("interactive", 1).get(0));
    assertEquals("5215512345678", reply.getString("to"));
    JsonObject interactive = reply.getJsonObject("interactive");
    assertEquals("button", interactive.getString("type"));
    assertTrue(interactive.getJsonObject("body").getString("text").contains("9999999999999999"));
    var buttons = interactive.getJsonObject("action").getJsonArray("buttons");
    assertTrue(buttons.size() >= 1 && buttons.size() <= 3);
    JsonObject human = buttons.getJsonObject(buttons.size() - 1);
    assertEquals("reply", human.getString("type"));
    assertEquals("human", human.getJsonObject("reply").getString("id"));
    assertTrue(human.getJsonObject("reply").getString("title").length() <= 20);
  }

  @Test
  void knowledgeAnswersListTheirSourcesAsLinks() throws Exception {
    assertEquals(200, postSigned(resource("text-chinese-knowledge.json")).statusCode());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    List<JsonObject> toUser = List.of();
    while (toUser.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      toUser = graph.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream().map(WhatsAppWebhookTest::body)
          .filter(b -> "8613800138000".equals(b.getString("to"))).toList();
    }
    assertEquals(1, toUser.size());
    JsonObject reply = toUser.get(0);
    String text = reply.containsKey("text") ? reply.getJsonObject("text").getString("body")
        : reply.getJsonObject("interactive").getJsonObject("body").getString("text");
    assertTrue(text.contains("7个工作日"), text);
    assertTrue(text.contains(replies.text("zh", "knowledge_sources")), text);
    assertTrue(text.contains("https://support.example.com/kb/seller/zh/disputes.md"), text);
  }

  @Test
  void nonTextGetsAPoliteReplyInTheConversationsLanguage() throws Exception {
    // a US number writing Spanish: the language comes from the conversation, not the number
    assertEquals(200, postSigned(resource("text-spanish-us-number.json")).statusCode());
    awaitSent("text", 1);
    assertEquals(200, postSigned(resource("image-us-number.json")).statusCode());
    List<LoggedRequest> texts = awaitSent("text", 2);
    JsonObject polite = body(texts.get(1));
    assertEquals("16505551234", polite.getString("to"));
    assertEquals(replies.text("es", "non_text"), polite.getJsonObject("text").getString("body"));
  }

  @Test
  void nonTextAsFirstMessageUsesTheNumbersCountry() throws Exception {
    assertEquals(200, postSigned(resource("voice-note-brazil.json")).statusCode());
    JsonObject polite = body(awaitSent("text", 1).get(0));
    assertEquals("5511987654321", polite.getString("to"));
    assertEquals(replies.text("pt", "non_text"), polite.getJsonObject("text").getString("body"));
  }

  @Test
  void batchedMessagesAreEachAnsweredToTheirSender() throws Exception {
    HttpResponse<Buffer> r = postSigned(resource("batch.json"));
    assertEquals(200, r.statusCode());
    assertEquals(3, r.bodyAsJsonObject().getInteger("accepted"));
    assertEquals(1, r.bodyAsJsonObject().getInteger("statuses"));
    List<String> recipients = awaitSent("text", 3).stream().map(q -> body(q).getString("to")).sorted().toList();
    assertEquals(List.of("447700900123", "5215512345678", "5491123456789"), recipients);
    String toArgentina = sent("text").stream().map(WhatsAppWebhookTest::body)
        .filter(b -> b.getString("to").equals("5491123456789")).findFirst().orElseThrow()
        .getJsonObject("text").getString("body");
    assertEquals(replies.text("es", "non_text"), toArgentina, "the location got the polite reply");
    assertEquals("delivered", channel.statuses().get("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA")
        .orElseThrow().status());
  }

  @Test
  void aDuplicateDeliveryIsAnsweredOnce() throws Exception {
    String body = resource("text-mexico.json");
    HttpResponse<Buffer> first = postSigned(body);
    HttpResponse<Buffer> second = postSigned(body);
    assertEquals(200, first.statusCode());
    assertEquals(200, second.statusCode());
    assertEquals(1, first.bodyAsJsonObject().getInteger("accepted"));
    assertEquals(1, second.bodyAsJsonObject().getInteger("duplicates"));
    awaitSent("text", 1);
  }

  // --- statuses ---

  @Test
  void statusesOnlyMoveForwardAndFailuresKeepTheirError() throws Exception {
    String id = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QjU5QjYwNzM2MzFBNjM4MjgA";
    assertEquals(200, postSigned(status(id, "delivered", 1739321100, false, "16505557777")).statusCode());
    assertEquals(200, postSigned(status(id, "sent", 1739321090, false, "16505557777")).statusCode());
    assertEquals("delivered", channel.statuses().get(id).orElseThrow().status(), "a late 'sent' does not go back");
    assertEquals(200, postSigned(status(id, "read", 1739321200, false, "16505557777")).statusCode());
    assertEquals("read", channel.statuses().get(id).orElseThrow().status());

    String failedId = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBIxMzEwNDdGQUlMRURNRVNTQUdFAA==";
    assertEquals(200, postSigned(status(failedId, "failed", 1739321300, true, "16505557777")).statusCode());
    var failed = channel.statuses().get(failedId).orElseThrow();
    assertEquals("failed", failed.status());
    assertEquals(131047, failed.errorCode());
    assertTrue(failed.errorDetails().contains("more than 24 hours"));
    assertEquals(200, postSigned(status(failedId, "delivered", 1739321400, false, "16505557777")).statusCode());
    assertEquals("failed", channel.statuses().get(failedId).orElseThrow().status());
    // a failure for a message this process did not send still reaches the user through the template
    awaitSentTo("template", "16505557777", 1);
  }

  // --- 24-hour window, 131047 and throttling ---

  @Test
  void outsideTheWindowTheTemplateIsSentInstead() throws Exception {
    clock.now = Instant.ofEpochSecond(1739321024).plus(Duration.ofHours(25)); // Meta redelivered a day late
    assertEquals(200, postSigned(resource("text-mexico.json").replace("5215512345678", "5215500000025")).statusCode());
    JsonObject template = body(awaitSentTo("template", "5215500000025", 1).get(0));
    assertEquals("support_follow_up", template.getJsonObject("template").getString("name"));
    assertEquals("en_US", template.getJsonObject("template").getJsonObject("language").getString("code"));
    assertEquals(0, sent("text").stream().filter(r -> body(r).getString("to").equals("5215500000025")).count());
  }

  @Test
  void synchronous131047FallsBackToTheTemplate() throws Exception {
    graph.resetAll();
    graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("text")))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(resource("error-131047.json"))));
    graph.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(resource("send-ok.json"))));
    assertEquals(200, postSigned(resource("text-mexico.json").replace("5215512345678", "5215500000047")).statusCode());
    awaitSentTo("text", "5215500000047", 1);
    awaitSentTo("template", "5215500000047", 1);
  }

  @Test
  void asynchronous131047StatusFallsBackToTheTemplate() throws Exception {
    graph.resetAll();
    String outboundId = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJBU1lOQzEzMTA0N09VVEJPVU5EAA==";
    graph.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"messaging_product\":\"whatsapp\",\"messages\":[{\"id\":\"" + outboundId + "\"}]}")));
    assertEquals(200, postSigned(resource("button-reply.json").replace("16505559876", "16505550042")).statusCode());
    awaitSent("text", 1);
    assertEquals(200, postSigned(status(outboundId, "failed", 1739321100, true, "16505550042")).statusCode());
    awaitSentTo("template", "16505550042", 1);
    // Meta repeating the failed status does not send a second template
    assertEquals(200, postSigned(status(outboundId, "failed", 1739321100, true, "16505550042")).statusCode());
    awaitSentTo("template", "16505550042", 1);
  }

  @Test
  void throttledThenAcceptedDeliversExactlyOneMessage() throws Exception {
    graph.resetAll();
    graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("text")))
        .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(resource("error-130429.json"))).willSetStateTo("open"));
    graph.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.type", equalTo("text")))
        .inScenario("throttle").whenScenarioStateIs("open")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(resource("send-ok.json"))));
    graph.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"success\":true}")));
    assertEquals(200, postSigned(resource("text-mexico.json")).statusCode());
    List<LoggedRequest> attempts = awaitSent("text", 2);
    assertEquals(attempts.get(0).getBodyAsString(), attempts.get(1).getBodyAsString(), "the same message, retried");
    long delivered = graph.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getBodyAsString().contains("\"type\":\"text\""))
        .filter(e -> e.getResponse().getStatus() == 200).count();
    assertEquals(1, delivered);
  }

  // --- bad input ---

  @Test
  void bodyOver1MiBIs413AndNothingIsProcessed() throws Exception {
    String padding = "x".repeat(WhatsAppWebhook.MAX_BODY);
    String body = resource("text-mexico.json").replace("\"Ana L", "\"" + padding + "Ana L");
    HttpResponse<Buffer> r = postSigned(body);
    assertEquals(413, r.statusCode());
    assertTrue(r.bodyAsJsonObject().containsKey("error"));
    // the same without a Content-Length: the body is streamed in chunks and cut off at the limit
    var chunked = vertx.createHttpClient().request(io.vertx.core.http.HttpMethod.POST, port, "127.0.0.1",
        WhatsAppWebhook.PATH).await(10, TimeUnit.SECONDS);
    chunked.setChunked(true).putHeader(WhatsAppSignatureVerifier.HEADER, SIGNER.sign(body.getBytes(StandardCharsets.UTF_8)));
    var response = chunked.send(Buffer.buffer(body)).await(10, TimeUnit.SECONDS);
    assertEquals(413, response.statusCode());
    Thread.sleep(300);
    assertEquals(0, graph.getAllServeEvents().size());
    assertEquals(2L, channel.rejections().get("too_large"));
  }

  @Test
  void malformedJsonIs400AndOtherObjectsAre200Ignored() throws Exception {
    for (String bad : List.of("{\"object\":", "[1,2]", "not json", "")) {
      HttpResponse<Buffer> r = postSigned(bad);
      assertEquals(400, r.statusCode(), bad);
      assertTrue(r.bodyAsJsonObject().containsKey("error"));
    }
    HttpResponse<Buffer> other = postSigned("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"feed\",\"value\":{}}]}]}");
    assertEquals(200, other.statusCode());
    assertTrue(other.bodyAsJsonObject().getBoolean("ignored"));
    HttpResponse<Buffer> field = postSigned("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
        + "[{\"field\":\"account_update\",\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}}]}]}");
    assertEquals(200, field.statusCode());
    Thread.sleep(200);
    assertEquals(0, graph.getAllServeEvents().size());
  }

  @Test
  void anInboxThatCannotRecordMeans503SoMetaRetries() throws Exception {
    startServer(new Inbox() {
      @Override
      public Future<Boolean> offer(com.tradewind.bot.delivery.InboundMessage message) {
        return Future.failedFuture(new IOException("journal disk full"));
      }

      @Override
      public void process(String channel, Function<com.tradewind.bot.delivery.InboundMessage, Future<Void>> processor) {}

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    });
    HttpResponse<Buffer> r = postSigned(resource("text-mexico.json"));
    assertEquals(503, r.statusCode());
    assertTrue(r.bodyAsJsonObject().containsKey("error"));
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
