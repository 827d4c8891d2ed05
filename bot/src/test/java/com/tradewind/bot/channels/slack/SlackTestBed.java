package com.tradewind.bot.channels.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tradewind.bot.TestKnowledge;
import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.config.SlackOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.connectors.slack.SlackSignatureVerifier;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real bot (knowledge base, dialogue engine, HTTP server) with the Slack connector pointed at
 * WireMock standing in for the Slack Web API. One per test class; {@link #connect} gives each test
 * a fresh connector, inbox and server so counts never leak between tests.
 */
final class SlackTestBed implements AutoCloseable {

  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String BOT_USER = "U0LAN0Z89";

  final Vertx vertx = Vertx.vertx();
  final WireMockServer slack = new WireMockServer(wireMockConfig().dynamicPort());
  final KnowledgeService knowledge;
  final DialogueEngine engine;
  final Path kb;
  final WebClient client;
  final SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, Clock.systemUTC());

  /** One test's connector and server. */
  final class Connected implements AutoCloseable {
    final SlackConnector connector;
    final Inbox inbox;
    final InMemoryFeedbackRecorder feedback;
    final ApiServer server;
    final int port;

    Connected(SlackConnector connector, Inbox inbox, InMemoryFeedbackRecorder feedback, ApiServer server, int port) {
      this.connector = connector;
      this.inbox = inbox;
      this.feedback = feedback;
      this.server = server;
      this.port = port;
    }

    HttpResponse<Buffer> post(String path, byte[] body, String contentType, MultiMap headers) throws Exception {
      var request = client.post(port, "127.0.0.1", path).putHeader("content-type", contentType);
      request.putHeaders(headers);
      return request.sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);
    }

    /** Signed now, as Slack would. */
    HttpResponse<Buffer> signed(String path, byte[] body, String contentType) throws Exception {
      return post(path, body, contentType, signedHeaders(body, Clock.systemUTC().instant().getEpochSecond()));
    }

    HttpResponse<Buffer> event(JsonObject body) throws Exception {
      return signed("/slack/events", body.toBuffer().getBytes(), "application/json");
    }

    /** Waits until every accepted message was processed (answered or failed). */
    void drain() throws Exception {
      inbox.close().await(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
      connector.stop().await(10, TimeUnit.SECONDS);
      server.stop().await(10, TimeUnit.SECONDS);
    }
  }

  SlackTestBed() throws Exception {
    slack.start();
    Path root = Files.createTempDirectory("slack");
    kb = TestKnowledge.write(root.resolve("kb"));
    LanguageDetector detector = new LanguageDetector();
    knowledge = new KnowledgeService(vertx, KnowledgeOptions.of(kb, root.resolve("data"), Path.of("config/glossary.tsv")),
        detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    engine = DialogueAssembly.build(new ConversationOptions(Path.of("config/intents"), Path.of("config/replies"),
        Path.of("config/sample-orders.json"), Duration.ofHours(1)), knowledge, detector);
    client = WebClient.create(vertx);
  }

  String apiUrl() {
    return "http://127.0.0.1:" + slack.port() + "/api";
  }

  /** Fresh stubs: auth.test names the bot, chat.postMessage succeeds. */
  void resetSlack() {
    slack.resetAll();
    slack.stubFor(post("/api/auth.test").willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody(text("auth-test.json"))));
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000100\"}")));
    slack.stubFor(post(urlEqualTo("/response")).willReturn(aResponse().withBody("ok")));
  }

  Connected connect(Inbox inbox, Clock clock, SlackConnector.Tuning tuning) throws Exception {
    SlackOptions options = new SlackOptions(SECRET, "xoxb-test", null, apiUrl(), Set.of("T061EG9R6"), "https://bot.example.com");
    InMemoryFeedbackRecorder feedback = new InMemoryFeedbackRecorder();
    SlackConnector connector = new SlackConnector(vertx, options, tuning, engine, inbox, feedback, clock);
    connector.start().await(10, TimeUnit.SECONDS);
    ApiServer server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, engine, kb).with(connector.routes());
    int port = server.start().await(10, TimeUnit.SECONDS);
    return new Connected(connector, inbox, feedback, server, port);
  }

  Connected connect() throws Exception {
    return connect(new InMemoryInbox(Duration.ofHours(1), 10_000, Ticker.systemTicker()), Clock.systemUTC(), fastTuning());
  }

  static SlackConnector.Tuning fastTuning() {
    return new SlackConnector.Tuning(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(2), Duration.ofMillis(10),
        Duration.ofMillis(100), Duration.ofMillis(100));
  }

  MultiMap signedHeaders(byte[] body, long epochSecond) {
    String ts = String.valueOf(epochSecond);
    return MultiMap.caseInsensitiveMultiMap().add("X-Slack-Request-Timestamp", ts)
        .add("X-Slack-Signature", signer.sign(ts, body));
  }

  /** The chat.postMessage bodies Slack received, oldest first. */
  List<JsonObject> posts() {
    return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
        .map(LoggedRequest::getBodyAsString).map(JsonObject::new).toList();
  }

  List<JsonObject> responses() {
    return slack.findAll(postRequestedFor(urlEqualTo("/response"))).stream()
        .map(LoggedRequest::getBodyAsString).map(JsonObject::new).toList();
  }

  static byte[] bytes(String fixture) {
    try (InputStream in = SlackTestBed.class.getResourceAsStream("/slack/" + fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + fixture);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String fixture) {
    return new String(bytes(fixture), StandardCharsets.UTF_8).strip();
  }

  static JsonObject json(String fixture) {
    return new JsonObject(text(fixture));
  }

  /** A DM event from a fixture with its ids and text replaced, so tests do not collide. */
  static JsonObject dm(String eventId, String channel, String ts, String text) {
    JsonObject body = json("message-im.json").put("event_id", eventId);
    body.getJsonObject("event").put("channel", channel).put("ts", ts).put("event_ts", ts).put("text", text);
    return body;
  }

  @Override
  public void close() throws Exception {
    slack.stop();
    vertx.close().await(10, TimeUnit.SECONDS);
  }
}
