package com.tradewind.connectors.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Graph API client against WireMock answering with Meta's documented responses. */
@ExtendWith(VertxExtension.class)
class WhatsAppClientTest {

  private static final String TOKEN = "EAAG-secret-token-never-logged";
  private static final String PATH = "/v21.0/106540352242922/messages";
  private static WireMockServer graph;

  @BeforeAll
  static void startGraph() {
    graph = new WireMockServer(wireMockConfig().dynamicPort());
    graph.start();
  }

  @AfterAll
  static void stopGraph() {
    graph.stop();
  }

  @BeforeEach
  void reset() {
    graph.resetAll();
  }

  private static WhatsAppClient client(Vertx vertx, double rate, Duration timeout) {
    return new WhatsAppClient(vertx, WebClient.create(vertx), new WhatsAppClientOptions(
        "http://localhost:" + graph.port() + "/v21.0/", "106540352242922", TOKEN, rate, timeout, 3,
        Duration.ofMillis(50), Duration.ofMillis(120)));
  }

  private static void answer(int status, String payload) {
    graph.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(Payloads.text(payload))));
  }

  private static <T> Throwable failure(Future<T> future) throws Exception {
    try {
      future.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void textIsSentToTheRecipientVerbatimWithTheBearerToken(Vertx vertx) throws Exception {
    answer(200, "send-ok.json");
    String id = client(vertx, 80, Duration.ofSeconds(5)).sendText("5215512345678", "Hola 👋").await(10, TimeUnit.SECONDS);
    assertEquals("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA", id);
    graph.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"5215512345678","type":"text",
             "text":{"preview_url":false,"body":"Hola 👋"}}""")));
  }

  @Test
  void replyButtonsTemplateAndReadReceiptHaveTheDocumentedShapes(Vertx vertx) throws Exception {
    answer(200, "send-ok.json");
    WhatsAppClient client = client(vertx, 80, Duration.ofSeconds(5));
    client.sendButtons("16505551234", "Anything else?", List.of(new ReplyButton("track", "Track parcel"),
        new ReplyButton("human", "Talk to a person"))).await(10, TimeUnit.SECONDS);
    graph.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive",
         "interactive":{"type":"button","body":{"text":"Anything else?"},
           "action":{"buttons":[{"type":"reply","reply":{"id":"track","title":"Track parcel"}},
                                {"type":"reply","reply":{"id":"human","title":"Talk to a person"}}]}}}""")));
    client.sendTemplate("16505551234", new TemplateRef("support_follow_up", "es_MX")).await(10, TimeUnit.SECONDS);
    graph.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
        {"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"template",
         "template":{"name":"support_follow_up","language":{"code":"es_MX"}}}""")));
    graph.resetAll();
    answer(200, "mark-read-ok.json");
    client.markRead("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=").await(10, TimeUnit.SECONDS);
    graph.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
        {"messaging_product":"whatsapp","status":"read",
         "message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA="}""")));
  }

  @Test
  void limitsAreEnforcedBeforeAnythingIsSent(Vertx vertx) throws Exception {
    answer(200, "send-ok.json");
    WhatsAppClient client = client(vertx, 80, Duration.ofSeconds(5));
    List<Future<String>> attempts = List.of(
        client.sendText("1", "x".repeat(WhatsAppClient.MAX_TEXT + 1)),
        client.sendText("1", " "),
        client.sendText("", "hi"),
        client.sendButtons("1", "x".repeat(1025), List.of(new ReplyButton("a", "A"))),
        client.sendButtons("1", "body", List.of()),
        client.sendButtons("1", "body", List.of(new ReplyButton("a", "A"), new ReplyButton("b", "B"),
            new ReplyButton("c", "C"), new ReplyButton("d", "D"))),
        client.sendButtons("1", "body", List.of(new ReplyButton("a", "A"), new ReplyButton("a", "B"))));
    for (Future<String> attempt : attempts) {
      WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class, failure(attempt));
      assertEquals(WhatsAppApiException.Reason.INVALID_REQUEST, e.reason());
    }
    assertEquals(0, graph.getAllServeEvents().size());
    assertEquals(WhatsAppApiException.Reason.INVALID_REQUEST, assertInstanceOf(WhatsAppApiException.class,
        org.junit.jupiter.api.Assertions.assertThrows(WhatsAppApiException.class,
            () -> new ReplyButton("id", "twenty-one characters"))).reason());
    org.junit.jupiter.api.Assertions.assertThrows(WhatsAppApiException.class, () -> new ReplyButton("x".repeat(257), "ok"));
    new ReplyButton("x".repeat(256), "exactly twenty chars");
  }

  @Test
  void throughputLimitIsRetriedAfterABackOffAndDeliversExactlyOnce(Vertx vertx) throws Exception {
    graph.stubFor(post(urlEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(Payloads.text("error-130429.json"))).willSetStateTo("ok"));
    graph.stubFor(post(urlEqualTo(PATH)).inScenario("throttle").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(Payloads.text("send-ok.json"))));
    long start = System.nanoTime();
    String id = client(vertx, 80, Duration.ofSeconds(5)).sendText("16505551234", "hi").await(10, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA", id);
    assertEquals(2, graph.getAllServeEvents().size(), "one throttled attempt, one delivered");
    assertTrue(millis >= 50, "waited the back-off first: " + millis + " ms");
  }

  @Test
  void pairRateLimitBacksOffLongerAndGivesUpAfterTheRetries(Vertx vertx) throws Exception {
    answer(400, "error-131056.json");
    long start = System.nanoTime();
    WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class,
        failure(client(vertx, 80, Duration.ofSeconds(5)).sendText("16505551234", "hi")));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(WhatsAppApiException.Reason.THROTTLED, e.reason());
    assertEquals(131056, e.code());
    assertEquals(4, graph.getAllServeEvents().size(), "the first attempt and three retries");
    assertTrue(millis >= 120 + 240 + 480, "pair back-off doubled each time: " + millis + " ms");
  }

  @Test
  void outsideTheWindowIsATypedFailureThatIsNotRetried(Vertx vertx) throws Exception {
    answer(400, "error-131047.json");
    WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class,
        failure(client(vertx, 80, Duration.ofSeconds(5)).sendText("16505551234", "hi")));
    assertEquals(WhatsAppApiException.Reason.OUTSIDE_WINDOW, e.reason());
    assertEquals(131047, e.code());
    assertTrue(e.details().contains("24 hours"));
    assertEquals(1, graph.getAllServeEvents().size());
  }

  @Test
  void expiredTokenIsAnAuthFailureWhoseMessageHoldsNoToken(Vertx vertx) throws Exception {
    answer(401, "error-190.json");
    WhatsAppClient client = client(vertx, 80, Duration.ofSeconds(5));
    WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class, failure(client.sendText("16505551234", "hi")));
    assertEquals(WhatsAppApiException.Reason.AUTH, e.reason());
    assertEquals(401, e.httpStatus());
    assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    assertFalse(new WhatsAppClientOptions("https://graph.facebook.com/v21.0", "1", TOKEN, 80, Duration.ofSeconds(1), 0,
        Duration.ZERO, Duration.ZERO).toString().contains(TOKEN));
  }

  @Test
  void aSilentApiTimesOut(Vertx vertx) throws Exception {
    graph.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(2_000)
        .withBody(Payloads.text("send-ok.json"))));
    WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class,
        failure(client(vertx, 80, Duration.ofMillis(300)).sendText("16505551234", "hi")));
    assertEquals(WhatsAppApiException.Reason.TIMEOUT, e.reason());
  }

  @Test
  void aBrokenAnswerIsRejectedNotCrashed(Vertx vertx) throws Exception {
    graph.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(502).withBody("<html>bad gateway</html>")));
    WhatsAppApiException e = assertInstanceOf(WhatsAppApiException.class,
        failure(client(vertx, 80, Duration.ofSeconds(5)).sendText("16505551234", "hi")));
    assertEquals(WhatsAppApiException.Reason.REJECTED, e.reason());
    assertEquals(502, e.httpStatus());
  }

  @Test
  void callsArePacedToTheConfiguredRate(Vertx vertx) throws Exception {
    answer(200, "send-ok.json");
    WhatsAppClient client = client(vertx, 20, Duration.ofSeconds(5));
    long start = System.nanoTime();
    List<Future<String>> sends = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      sends.add(client.sendText("16505551234", "message " + i));
    }
    Future.all(sends).await(10, TimeUnit.SECONDS);
    long millis = (System.nanoTime() - start) / 1_000_000;
    // 11 calls at 20 per second: the last may start 10 × 50 ms after the first
    assertTrue(millis >= 480, "11 calls at 20/s took only " + millis + " ms");
    assertEquals(11, graph.getAllServeEvents().size());
  }
}
