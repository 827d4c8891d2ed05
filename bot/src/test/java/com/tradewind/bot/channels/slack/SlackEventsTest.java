package com.tradewind.bot.channels.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.delivery.InboundMessage;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/events} end to end: recorded Slack payloads in, WireMock as the Web API. */
class SlackEventsTest {

  private static SlackTestBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @BeforeEach
  void reset() {
    bed.resetSlack();
  }

  @Test
  void urlVerificationEchoesTheChallenge() throws Exception {
    try (var slack = bed.connect()) {
      HttpResponse<Buffer> response = slack.signed("/slack/events", SlackTestBed.bytes("url-verification.json"), "application/json");
      assertEquals(200, response.statusCode());
      assertEquals("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", response.bodyAsJsonObject().getString("challenge"));
    }
  }

  @Test
  void aDirectMessageIsAnsweredOnceWithBlockKit() throws Exception {
    try (var slack = bed.connect()) {
      assertEquals(200, slack.event(SlackTestBed.json("message-im.json")).statusCode());
      slack.drain();
      List<JsonObject> posts = bed.posts();
      assertEquals(1, posts.size());
      JsonObject reply = posts.get(0);
      assertEquals("D024BE91L", reply.getString("channel"));
      assertNull(reply.getString("thread_ts"), "a DM is answered in the conversation, not a thread");
      assertFalse(reply.getString("text").isBlank());
      assertEquals("section", reply.getJsonArray("blocks").getJsonObject(0).getString("type"));
      bed.slack.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
          .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer xoxb-test")));
      assertEquals(1, slack.connector.stats().get("accepted"));
    }
  }

  @Test
  void aKnowledgeAnswerCarriesSourcesAndFeedbackButtons() throws Exception {
    try (var slack = bed.connect()) {
      slack.event(SlackTestBed.dm("EvKB1", "D0KB", "1700000001.000001", "平台仲裁要多久？"));
      slack.drain();
      JsonArray blocks = bed.posts().get(0).getJsonArray("blocks");
      JsonObject section = blocks.getJsonObject(0);
      assertTrue(section.getJsonObject("text").getString("text").contains("7个工作日"), section.encode());
      JsonObject context = blocks.stream().map(JsonObject.class::cast).filter(b -> "context".equals(b.getString("type")))
          .findFirst().orElseThrow();
      String sources = context.getJsonArray("elements").getJsonObject(0).getString("text");
      assertTrue(sources.startsWith("📄 <https://bot.example.com/kb/seller/zh/disputes.md|"), sources);
      JsonObject actions = blocks.getJsonObject(blocks.size() - 1);
      assertEquals("actions", actions.getString("type"));
      List<String> ids = actions.getJsonArray("elements").stream().map(JsonObject.class::cast)
          .map(b -> b.getString("action_id")).toList();
      assertEquals(3, ids.size(), ids.toString());
      assertTrue(ids.get(0).startsWith("helpful:") && ids.get(1).startsWith("not_helpful:"), "votes name their answer: " + ids);
      assertEquals(ids.get(0).substring("helpful:".length()), ids.get(1).substring("not_helpful:".length()));
      assertEquals("human", ids.get(2));
      JsonObject up = actions.getJsonArray("elements").getJsonObject(0);
      assertTrue(up.getJsonObject("text").getString("text").startsWith("👍"));
      assertEquals("D0KB/1700000001.000001", up.getString("value"), "the answer id ties a vote to this answer");
    }
  }

  @Test
  void anOrderLookupIsACard() throws Exception {
    try (var slack = bed.connect()) {
      slack.event(SlackTestBed.dm("EvOrder1", "D0ORDER", "1700000002.000001", "where is my order 8123456789012345?"));
      slack.drain();
      JsonObject header = bed.posts().get(0).getJsonArray("blocks").getJsonObject(0);
      assertEquals("header", header.getString("type"));
      assertEquals("📦 8123456789012345", header.getJsonObject("text").getString("text"));
    }
  }

  @Test
  void aMentionArrivingAlsoAsAMessageEventIsAnsweredOnceInItsThread() throws Exception {
    try (var slack = bed.connect()) {
      assertEquals(200, slack.event(SlackTestBed.json("app-mention.json")).statusCode());
      assertEquals(200, slack.event(SlackTestBed.json("message-channel-mention.json")).statusCode());
      slack.drain();
      List<JsonObject> posts = bed.posts();
      assertEquals(1, posts.size());
      assertEquals("C0LAN2Q65", posts.get(0).getString("channel"));
      assertEquals("1515449522.000016", posts.get(0).getString("thread_ts"));
      assertEquals(1, slack.connector.stats().get("duplicate"));
    }
  }

  @Test
  void retriesAreDeduplicatedByIdButAFirstDeliveryThatNeverArrivedIsAnswered() throws Exception {
    try (var slack = bed.connect()) {
      JsonObject first = SlackTestBed.dm("EvRetry1", "D0RETRY", "1700000003.000001", "hello");
      slack.event(first);
      byte[] raw = first.toBuffer().getBytes();
      MultiMap retry = bed.signedHeaders(raw, Clock.systemUTC().instant().getEpochSecond())
          .add("X-Slack-Retry-Num", "1").add("X-Slack-Retry-Reason", "http_timeout");
      assertEquals(200, slack.post("/slack/events", raw, "application/json", retry).statusCode());
      // a retry whose first delivery was lost on the way: only the retry arrives
      byte[] lost = SlackTestBed.dm("EvRetry2", "D0RETRY", "1700000003.000002", "hello again").toBuffer().getBytes();
      MultiMap onlyRetry = bed.signedHeaders(lost, Clock.systemUTC().instant().getEpochSecond())
          .add("X-Slack-Retry-Num", "2").add("X-Slack-Retry-Reason", "http_error");
      assertEquals(200, slack.post("/slack/events", lost, "application/json", onlyRetry).statusCode());
      slack.drain();
      assertEquals(2, bed.posts().size());
    }
  }

  @Test
  void ownMessagesEditsDeletesJoinsAndOtherEventsAreAcknowledgedButNotAnswered() throws Exception {
    try (var slack = bed.connect()) {
      for (String fixture : List.of("message-own-bot.json", "message-changed.json", "message-deleted.json",
          "channel-join.json", "reaction-added.json", "app-rate-limited.json")) {
        assertEquals(200, slack.event(SlackTestBed.json(fixture)).statusCode(), fixture);
      }
      JsonObject fromUserIdOnly = SlackTestBed.json("message-own-bot.json").put("event_id", "EvSelf2");
      fromUserIdOnly.getJsonObject("event").remove("bot_id");
      fromUserIdOnly.getJsonObject("event").remove("bot_profile");
      assertEquals(200, slack.event(fromUserIdOnly).statusCode());
      slack.drain();
      assertEquals(0, bed.posts().size());
      assertEquals(2, slack.connector.stats().get("ignored.from_a_bot"));
      assertEquals(3, slack.connector.stats().get("ignored.subtype"));
    }
  }

  @Test
  void aThreadTheBotAnsweredInIsFollowedOtherChatterIsNot() throws Exception {
    try (var slack = bed.connect()) {
      slack.event(SlackTestBed.json("thread-reply.json")); // before the bot takes part: not addressed
      slack.event(SlackTestBed.json("app-mention.json"));
      slack.drain();
      assertEquals(1, bed.posts().size());
    }
    try (var slack = bed.connect()) {
      // a new connector forgets threads; so mention first, then follow up in the thread
      slack.event(SlackTestBed.json("app-mention.json").put("event_id", "EvM2"));
      waitForPosts(2);
      slack.event(SlackTestBed.json("thread-reply.json").put("event_id", "EvT2"));
      JsonObject unrelated = SlackTestBed.json("message-channel-mention.json").put("event_id", "EvC3");
      unrelated.getJsonObject("event").put("text", "lunch anyone?").put("ts", "1515449999.000001");
      slack.event(unrelated);
      slack.drain();
      List<JsonObject> posts = bed.posts();
      assertEquals(3, posts.size());
      assertEquals("1515449522.000016", posts.get(2).getString("thread_ts"));
    }
  }

  private static void waitForPosts(int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (bed.posts().size() < n && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  @Test
  void a429IsWaitedOutAndTheReplyPostedOnce() throws Exception {
    bed.slack.resetAll();
    bed.slack.stubFor(post("/api/auth.test").willReturn(aResponse().withBody(SlackTestBed.text("auth-test.json"))));
    bed.slack.stubFor(post("/api/chat.postMessage").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
        .willSetStateTo("open"));
    bed.slack.stubFor(post("/api/chat.postMessage").inScenario("limit").whenScenarioStateIs("open")
        .willReturn(aResponse().withBody("{\"ok\":true,\"ts\":\"1.1\"}")));
    try (var slack = bed.connect()) {
      slack.event(SlackTestBed.dm("Ev429", "D0LIMIT", "1700000004.000001", "hello"));
      slack.drain();
      List<JsonObject> posts = bed.posts();
      assertEquals(2, posts.size(), "one refused, one accepted");
      assertEquals(posts.get(0), posts.get(1), "the same reply, sent again");
    }
  }

  @Test
  void badSignaturesAndTimestampsAre401WithNothingProcessed() throws Exception {
    try (var slack = bed.connect()) {
      byte[] body = SlackTestBed.bytes("message-im.json");
      long now = Clock.systemUTC().instant().getEpochSecond();
      MultiMap tampered = bed.signedHeaders(body, now);
      byte[] changed = new String(body, StandardCharsets.UTF_8).replace("Hello", "Jello").getBytes(StandardCharsets.UTF_8);
      assertEquals(401, slack.post("/slack/events", changed, "application/json", tampered).statusCode());
      assertEquals(401, slack.post("/slack/events", body, "application/json", bed.signedHeaders(body, now - 301)).statusCode());
      // 30 s beyond the window: a loaded machine may take a second or two before the check runs
      assertEquals(401, slack.post("/slack/events", body, "application/json", bed.signedHeaders(body, now + 330)).statusCode());
      HttpResponse<Buffer> unsigned = slack.post("/slack/events", body, "application/json", MultiMap.caseInsensitiveMultiMap());
      assertEquals(401, unsigned.statusCode());
      assertTrue(unsigned.bodyAsJsonObject().getString("error").contains("missing headers"));
      slack.drain();
      assertEquals(0, bed.posts().size());
      assertEquals(1, slack.connector.stats().get("rejected.bad_signature"));
      assertEquals(1, slack.connector.stats().get("rejected.stale_timestamp"));
      assertEquals(1, slack.connector.stats().get("rejected.future_timestamp"));
      assertEquals(1, slack.connector.stats().get("rejected.missing_headers"));
    }
  }

  @Test
  void oversizedAndMalformedBodiesAreRefused() throws Exception {
    try (var slack = bed.connect()) {
      byte[] huge = new byte[(int) SlackRoutes.MAX_BODY + 1];
      java.util.Arrays.fill(huge, (byte) 'a');
      HttpResponse<Buffer> tooBig = slack.signed("/slack/events", huge, "application/json");
      assertEquals(413, tooBig.statusCode());
      assertEquals("request body too large", tooBig.bodyAsJsonObject().getString("error"));
      assertEquals(1, slack.connector.stats().get("rejected.too_large"));
      HttpResponse<Buffer> notJson = slack.signed("/slack/events", "{\"type\":".getBytes(StandardCharsets.UTF_8), "application/json");
      assertEquals(400, notJson.statusCode());
      assertTrue(notJson.bodyAsJsonObject().containsKey("error"));
      byte[] noEvent = "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"}".getBytes(StandardCharsets.UTF_8);
      assertEquals(400, slack.signed("/slack/events", noEvent, "application/json").statusCode());
      byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
      assertEquals(400, slack.signed("/slack/events", array, "application/json").statusCode());
    }
  }

  @Test
  void anInboxThatCannotRecordAnswers503SoSlackRetries() throws Exception {
    Inbox broken = new Inbox() {
      @Override
      public Future<Boolean> offer(InboundMessage message) {
        return Future.failedFuture("journal full");
      }

      @Override
      public void process(String channel, Function<InboundMessage, Future<Void>> processor) {}

      @Override
      public Future<Void> close() {
        return Future.succeededFuture();
      }
    };
    try (var slack = bed.connect(broken, Clock.systemUTC(), SlackTestBed.fastTuning())) {
      HttpResponse<Buffer> response = slack.event(SlackTestBed.json("message-im.json"));
      assertEquals(503, response.statusCode());
      assertTrue(response.bodyAsJsonObject().containsKey("error"));
    }
    assertEquals(0, bed.posts().size());
  }

  @Test
  void withoutSecretsTheRoutesSayTheConnectorIsOff() throws Exception {
    var options = new com.tradewind.bot.config.SlackOptions(null, null, null, bed.apiUrl(), java.util.Set.of(), null);
    var connector = new SlackConnector(bed.vertx, options, SlackTestBed.fastTuning(), bed.engine,
        new InMemoryInbox(Duration.ofMinutes(10), 100, Ticker.systemTicker()), new com.tradewind.bot.channels.InMemoryFeedbackRecorder(),
        Clock.systemUTC());
    var server = new com.tradewind.bot.http.ApiServer(bed.vertx, new com.tradewind.bot.config.HttpOptions("127.0.0.1", 0),
        bed.knowledge, bed.engine, bed.kb).with(connector.routes());
    int port = server.start().await(10, java.util.concurrent.TimeUnit.SECONDS);
    try {
      HttpResponse<Buffer> response = bed.client.post(port, "127.0.0.1", "/slack/events")
          .sendBuffer(Buffer.buffer(SlackTestBed.bytes("message-im.json"))).await(10, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(404, response.statusCode());
      assertTrue(response.bodyAsJsonObject().getString("error").contains("SLACK_BOT_TOKEN"));
    } finally {
      server.stop().await(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
