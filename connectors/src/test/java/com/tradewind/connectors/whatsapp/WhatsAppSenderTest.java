package com.tradewind.connectors.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Free-form messages inside the 24-hour window, the approved template outside it and after 131047. */
@ExtendWith(VertxExtension.class)
class WhatsAppSenderTest {

  private static final String PATH = "/v21.0/106540352242922/messages";
  private static final String USER = "5215512345678";
  private static final Instant WROTE = Instant.ofEpochSecond(1739321024);
  private static final TemplateRef TEMPLATE = new TemplateRef("support_follow_up", "en_US");
  private static WireMockServer graph;

  private final MutableClock clock = new MutableClock(WROTE.plusSeconds(5));

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
    stubSends("send-ok.json", 200);
  }

  private static void stubSends(String payload, int status) {
    graph.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(Payloads.text(payload))));
  }

  private WhatsAppSender sender(Vertx vertx, TemplateRef template) {
    WhatsAppClient client = new WhatsAppClient(vertx, WebClient.create(vertx), WhatsAppClientOptions.of(
        "http://localhost:" + graph.port() + "/v21.0", "106540352242922", "token"));
    return new WhatsAppSender(client, new CustomerServiceWindow(clock, 1000), template, 1000);
  }

  private static int sentOfType(String type) {
    return graph.findAll(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type", 
        com.github.tomakehurst.wiremock.client.WireMock.equalTo(type)))).size();
  }

  @Test
  void insideTheWindowFreeFormPartsAreSentInOrder(Vertx vertx) throws Exception {
    WhatsAppSender sender = sender(vertx, TEMPLATE);
    sender.inbound(USER, WROTE);
    List<String> ids = sender.send(USER, List.of(new WhatsAppOutbound.Text("first"),
        new WhatsAppOutbound.Buttons("second", List.of(new ReplyButton("human", "Talk to a person")))))
        .await(10, TimeUnit.SECONDS);
    assertEquals(2, ids.size());
    assertEquals(1, sentOfType("text"));
    assertEquals(1, sentOfType("interactive"));
    assertEquals(0, sentOfType("template"));
  }

  @Test
  void afterTwentyFourHoursTheTemplateIsSentInsteadAndOnlyOnce(Vertx vertx) throws Exception {
    WhatsAppSender sender = sender(vertx, TEMPLATE);
    sender.inbound(USER, WROTE);
    clock.now = WROTE.plus(Duration.ofHours(25));
    assertEquals(1, sender.send(USER, List.of(new WhatsAppOutbound.Text("late answer"))).await(10, TimeUnit.SECONDS).size());
    assertEquals(0, sender.send(USER, List.of(new WhatsAppOutbound.Text("another"))).await(10, TimeUnit.SECONDS).size());
    assertEquals(1, sentOfType("template"));
    assertEquals(0, sentOfType("text"));
    graph.verify(postRequestedFor(urlEqualTo(PATH))
        .withRequestBody(matchingJsonPath("$.template.name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("support_follow_up")))
        .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(USER))));

    sender.inbound(USER, clock.now); // the user writes again: free text is allowed again
    sender.send(USER, List.of(new WhatsAppOutbound.Text("welcome back"))).await(10, TimeUnit.SECONDS);
    assertEquals(1, sentOfType("text"));
  }

  @Test
  void aDelayedRedeliveryDoesNotReopenTheWindowOfItsOwnTime(Vertx vertx) throws Exception {
    WhatsAppSender sender = sender(vertx, TEMPLATE);
    clock.now = WROTE.plus(Duration.ofHours(30));
    sender.inbound(USER, WROTE); // Meta retried the notification for 30 hours
    sender.send(USER, List.of(new WhatsAppOutbound.Text("answer"))).await(10, TimeUnit.SECONDS);
    assertEquals(1, sentOfType("template"));
    assertEquals(0, sentOfType("text"));
  }

  @Test
  void synchronous131047FallsBackToTheTemplate(Vertx vertx) throws Exception {
    graph.resetAll();
    graph.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("text")))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody(Payloads.text("error-131047.json"))));
    graph.stubFor(post(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.type",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("template")))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(Payloads.text("send-ok.json"))));
    WhatsAppSender sender = sender(vertx, TEMPLATE);
    sender.inbound(USER, WROTE);
    List<String> ids = sender.send(USER, List.of(new WhatsAppOutbound.Text("a"), new WhatsAppOutbound.Text("b")))
        .await(10, TimeUnit.SECONDS);
    assertEquals(1, ids.size(), "only the template was delivered");
    assertEquals(1, sentOfType("text"), "the second part is not attempted once the window is known closed");
    assertEquals(1, sentOfType("template"));
  }

  @Test
  void asynchronous131047StatusFallsBackToTheTemplateOnce(Vertx vertx) throws Exception {
    WhatsAppSender sender = sender(vertx, TEMPLATE);
    sender.inbound(USER, WROTE);
    String id = sender.send(USER, List.of(new WhatsAppOutbound.Text("answer"))).await(10, TimeUnit.SECONDS).get(0);
    WhatsAppStatus failed = new WhatsAppStatus(id, "failed", WROTE.plusSeconds(10), USER,
        List.of(new WhatsAppError(131047, "Re-engagement message", null, "more than 24 hours")));
    Optional<String> template = sender.onStatus(failed).await(10, TimeUnit.SECONDS);
    assertTrue(template.isPresent());
    assertFalse(sender.onStatus(failed).await(10, TimeUnit.SECONDS).isPresent(), "a repeated status sends nothing more");
    assertEquals(1, sentOfType("template"));
    assertFalse(sender.onStatus(new WhatsAppStatus(id, "failed", null, USER,
        List.of(new WhatsAppError(131026, "Message undeliverable", null, null)))).await(10, TimeUnit.SECONDS).isPresent());
    assertFalse(sender.onStatus(new WhatsAppStatus(id, "delivered", null, USER, List.of())).await(10, TimeUnit.SECONDS)
        .isPresent());
  }

  @Test
  void withoutATemplateAClosedWindowIsATypedFailure(Vertx vertx) throws Exception {
    WhatsAppSender sender = sender(vertx, null);
    try {
      sender.send(USER, List.of(new WhatsAppOutbound.Text("answer"))).await(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (Exception e) {
      assertEquals(WhatsAppApiException.Reason.OUTSIDE_WINDOW, assertInstanceOf(WhatsAppApiException.class, e).reason());
    }
    assertEquals(0, graph.getAllServeEvents().size());
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
