package com.tradewind.connectors.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** chat.postMessage, auth.test and response_url against WireMock standing in for Slack. */
@ExtendWith(VertxExtension.class)
class SlackWebApiTest {

  private WireMockServer slack;
  private SlackWebApi api;

  @BeforeEach
  void start(Vertx vertx) {
    slack = new WireMockServer(wireMockConfig().dynamicPort());
    slack.start();
    api = new SlackWebApi(vertx, WebClient.create(vertx), new SlackWebApi.Settings("http://127.0.0.1:" + slack.port() + "/api",
        Duration.ofSeconds(10), 3, Duration.ofSeconds(5), Duration.ofMillis(300)), "xoxb-test-token");
  }

  @AfterEach
  void stop() {
    slack.stop();
  }

  private static JsonObject message(String channel, String text) {
    return new JsonObject().put("channel", channel).put("text", text);
  }

  @Test
  void postsWithTheBotTokenAsJson(VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withHeader("content-type", "application/json")
        .withBody("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1503435956.000247\"}")));
    api.postMessage(message("C1", "a & b").put("thread_ts", "1.2")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertEquals("1503435956.000247", r.getString("ts"));
      slack.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage"))
          .withHeader("Authorization", equalTo("Bearer xoxb-test-token"))
          .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
          .withRequestBody(matchingJsonPath("$.thread_ts", equalTo("1.2"))));
      ctx.completeNow();
    })));
  }

  @Test
  void a429IsRetriedAfterRetryAfterAndPostsOnce(VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").inScenario("limit").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"ok\":false,\"error\":\"ratelimited\"}"))
        .willSetStateTo("open"));
    slack.stubFor(post("/api/chat.postMessage").inScenario("limit").whenScenarioStateIs("open")
        .willReturn(aResponse().withBody("{\"ok\":true,\"ts\":\"9.9\"}")));
    long start = System.nanoTime();
    api.postMessage(message("C1", "hi")).onComplete(ctx.succeeding(r -> ctx.verify(() -> {
      assertEquals("9.9", r.getString("ts"));
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(950), "waited for Retry-After");
      slack.verify(2, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
      ctx.completeNow();
    })));
  }

  @Test
  void persistentRateLimitingFailsTyped(VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
    api.postMessage(message("C1", "hi")).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertEquals(SlackApiException.Reason.RATE_LIMITED, ((SlackApiException) e).reason());
      slack.verify(4, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
      ctx.completeNow();
    })));
  }

  @Test
  void okFalseIsATypedFailureWithSlacksCode(VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withBody("{\"ok\":false,\"error\":\"channel_not_found\"}")));
    api.postMessage(message("C404", "hi")).onComplete(ctx.failing(e -> ctx.verify(() -> {
      SlackApiException failure = (SlackApiException) e;
      assertEquals(SlackApiException.Reason.API_ERROR, failure.reason());
      assertEquals("channel_not_found", failure.error());
      assertEquals("chat.postMessage", failure.method());
      ctx.completeNow();
    })));
  }

  @Test
  void aSlowSlackTimesOut(Vertx vertx, VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withFixedDelay(3000).withBody("{\"ok\":true}")));
    SlackWebApi impatient = new SlackWebApi(vertx, WebClient.create(vertx), new SlackWebApi.Settings(
        "http://127.0.0.1:" + slack.port() + "/api", Duration.ofMillis(300), 3, Duration.ofSeconds(5), Duration.ZERO), "xoxb-t");
    impatient.postMessage(message("C1", "hi")).onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertEquals(SlackApiException.Reason.UNREACHABLE, ((SlackApiException) e).reason());
      ctx.completeNow();
    })));
  }

  @Test
  void aBodyThatIsNotJsonIsABadResponse(VertxTestContext ctx) {
    slack.stubFor(post("/api/auth.test").willReturn(aResponse().withBody("<html>gateway</html>")));
    api.authTest().onComplete(ctx.failing(e -> ctx.verify(() -> {
      assertEquals(SlackApiException.Reason.BAD_RESPONSE, ((SlackApiException) e).reason());
      ctx.completeNow();
    })));
  }

  @Test
  void authTestNamesTheBot(VertxTestContext ctx) {
    slack.stubFor(post("/api/auth.test").willReturn(aResponse().withBody(Fixtures.text("auth-test.json"))));
    api.authTest().onComplete(ctx.succeeding(id -> ctx.verify(() -> {
      assertEquals(new SlackIdentity("U0LAN0Z89", "B999", "T061EG9R6"), id);
      ctx.completeNow();
    })));
  }

  @Test
  void postsToOneChannelAreSpacedOthersAreNot(Vertx vertx, VertxTestContext ctx) {
    slack.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withBody("{\"ok\":true}")));
    long start = System.nanoTime();
    io.vertx.core.Future.all(api.postMessage(message("C1", "1")), api.postMessage(message("C2", "1")))
        .compose(v -> {
          long firstTwo = System.nanoTime() - start;
          ctx.verify(() -> assertTrue(firstTwo < TimeUnit.MILLISECONDS.toNanos(250), "different channels are not held"));
          return api.postMessage(message("C1", "2"));
        })
        .onComplete(ctx.succeeding(r -> ctx.verify(() -> {
          assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290), "second post to C1 waited");
          ctx.completeNow();
        })));
  }

  @Test
  void responseUrlPostsWithoutToken(VertxTestContext ctx) {
    slack.stubFor(post("/commands/1234/5678").willReturn(aResponse().withBody("ok")));
    api.respond("http://127.0.0.1:" + slack.port() + "/commands/1234/5678", new JsonObject().put("text", "late"))
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          slack.verify(1, postRequestedFor(urlEqualTo("/commands/1234/5678")).withoutHeader("Authorization")
              .withRequestBody(matchingJsonPath("$.text", equalTo("late"))));
          ctx.completeNow();
        })));
  }
}
