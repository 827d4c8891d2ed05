package com.tradewind.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderHttpTest {

  private WireMockServer wiremock;
  private Vertx vertx;
  private ProviderHttp http;

  @BeforeEach
  void start() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    vertx = Vertx.vertx();
    http = new ProviderHttp(vertx, "test", HttpPolicy.defaults().withBreaker(3, Duration.ofMillis(400)),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    http.close();
    vertx.close().await(5, TimeUnit.SECONDS);
    wiremock.stop();
  }

  private Future<String> getValue(boolean idempotent) {
    return http.call("get", idempotent, () -> http.client().getAbs(wiremock.baseUrl() + "/v"), null,
        r -> new JsonObject(r.bodyAsString()).getString("value"));
  }

  private Future<String> postValue() {
    return http.call("post", false, () -> http.client().postAbs(wiremock.baseUrl() + "/v"), Buffer.buffer("{}"),
        r -> new JsonObject(r.bodyAsString()).getString("value"));
  }

  private static CommerceException failure(Future<?> f) throws Exception {
    try {
      f.await(10, TimeUnit.SECONDS);
    } catch (CommerceException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void success() throws Exception {
    wiremock.stubFor(get("/v").willReturn(aResponse().withBody("{\"value\":\"ok\"}")));
    assertEquals("ok", getValue(true).await(5, TimeUnit.SECONDS));
  }

  @Test
  void idempotentCallRetries5xx() throws Exception {
    wiremock.stubFor(get("/v").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    wiremock.stubFor(get("/v").inScenario("s").whenScenarioStateIs("up")
        .willReturn(aResponse().withBody("{\"value\":\"second\"}")));
    assertEquals("second", getValue(true).await(5, TimeUnit.SECONDS));
    wiremock.verify(2, getRequestedFor(urlEqualTo("/v")));
  }

  @Test
  void nonIdempotentCallIsNotRetried() throws Exception {
    wiremock.stubFor(post("/v").willReturn(aResponse().withStatus(503)));
    assertEquals(Reason.UNAVAILABLE, failure(postValue()).reason());
    wiremock.verify(1, postRequestedFor(urlEqualTo("/v")));
  }

  @Test
  void rateLimitWaitsForRetryAfter() throws Exception {
    wiremock.stubFor(get("/v").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1.0")).willSetStateTo("ok"));
    wiremock.stubFor(get("/v").inScenario("s").whenScenarioStateIs("ok")
        .willReturn(aResponse().withBody("{\"value\":\"after\"}")));
    long start = System.nanoTime();
    assertEquals("after", getValue(true).await(5, TimeUnit.SECONDS));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms >= 950 && ms < 2500, "waited " + ms + " ms");
  }

  @Test
  void retryAfterBeyondTheDeadlineFailsAtOnce() throws Exception {
    wiremock.stubFor(get("/v").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));
    long start = System.nanoTime();
    CommerceException e = failure(getValue(true));
    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(30_000, e.retryAfterMillis());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 1000);
    wiremock.verify(1, getRequestedFor(urlEqualTo("/v")));
  }

  @Test
  void hangingProviderTimesOutWithinTheDeadline() throws Exception {
    wiremock.stubFor(get("/v").willReturn(aResponse().withFixedDelay(5000).withBody("{\"value\":\"late\"}")));
    long start = System.nanoTime();
    assertEquals(Reason.TIMEOUT, failure(getValue(true)).reason());
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertTrue(ms < 3000, "answered after " + ms + " ms");
  }

  @Test
  void malformedJsonIsABadResponse() throws Exception {
    wiremock.stubFor(get("/v").willReturn(aResponse().withBody("{\"value\":")));
    CommerceException e = failure(getValue(true));
    assertEquals(Reason.BAD_RESPONSE, e.reason());
  }

  @Test
  void circuitOpensAfterFailuresAndClosesAfterASuccessfulTrial() throws Exception {
    wiremock.stubFor(post("/v").willReturn(aResponse().withStatus(500)));
    for (int i = 0; i < 3; i++) {
      assertEquals(Reason.UNAVAILABLE, failure(postValue()).reason());
    }
    assertEquals(Reason.CIRCUIT_OPEN, failure(postValue()).reason());
    wiremock.verify(3, postRequestedFor(urlEqualTo("/v")));
    wiremock.stubFor(post("/v").willReturn(aResponse().withBody("{\"value\":\"back\"}")));
    Thread.sleep(500); // the breaker's reset timeout (400 ms) passes
    assertEquals("back", postValue().await(5, TimeUnit.SECONDS));
    assertEquals("CLOSED", http.circuit().name());
  }

  @Test
  void refusedRequestsDoNotOpenTheCircuit() throws Exception {
    wiremock.stubFor(get("/v").willReturn(aResponse().withStatus(400)));
    for (int i = 0; i < 5; i++) {
      CommerceException e = failure(http.call("get", true, () -> http.client().getAbs(wiremock.baseUrl() + "/v"), null,
          r -> {
            throw http.unexpected(r);
          }));
      assertEquals(Reason.REJECTED, e.reason());
    }
    assertEquals("CLOSED", http.circuit().name());
  }
}
