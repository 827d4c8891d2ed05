package com.tradewind.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The failure behaviour every provider shares, run against each provider's own endpoint with
 * WireMock: timeouts, 429 with Retry-After, malformed JSON, 5xx, and the circuit opening and
 * closing. Subclasses add success, not-found and error-mapping tests from documented payloads.
 */
public abstract class ProviderContract {

  protected WireMockServer wiremock;
  protected Vertx vertx;
  protected ProviderHttp http;

  /** The provider under test, built against {@code wiremock.baseUrl()} and {@link #http}. */
  protected abstract void createProvider();

  /** The endpoint the lookup calls. */
  protected abstract MappingBuilder endpoint();

  /** The lookup under test. */
  protected abstract Future<? extends Optional<?>> lookup();

  /** A documented successful response body for the lookup. */
  protected abstract String successBody();

  @BeforeEach
  void startProvider() {
    wiremock = new WireMockServer(options().dynamicPort());
    wiremock.start();
    vertx = Vertx.vertx();
    http = new ProviderHttp(vertx, "test", HttpPolicy.defaults().withTimeouts(Duration.ofMillis(700),
        Duration.ofMillis(1500)).withBreaker(3, Duration.ofMillis(300)), Clock.systemUTC());
    createProvider();
  }

  @AfterEach
  void stopProvider() throws Exception {
    http.close();
    vertx.close().await(5, TimeUnit.SECONDS);
    wiremock.stop();
  }

  protected static String resource(String path) {
    try (var in = ProviderContract.class.getResourceAsStream("/providers/" + path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  protected static CommerceException failure(Future<?> f) throws Exception {
    try {
      f.await(10, TimeUnit.SECONDS);
    } catch (CommerceException e) {
      return e;
    }
    throw new AssertionError("expected a CommerceException");
  }

  protected void stub(String body) {
    wiremock.stubFor(endpoint().willReturn(aResponse().withHeader("content-type", "application/json").withBody(body)));
  }

  @Test
  void successFromTheDocumentedPayload() throws Exception {
    stub(successBody());
    assertTrue(lookup().await(5, TimeUnit.SECONDS).isPresent());
  }

  @Test
  void hangingProviderTimesOut() throws Exception {
    wiremock.stubFor(endpoint().willReturn(aResponse().withFixedDelay(5000).withBody(successBody())));
    long start = System.nanoTime();
    assertEquals(Reason.TIMEOUT, failure(lookup()).reason());
    assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "gave up within the 1.5 s deadline");
  }

  @Test
  void rateLimitedThenServedAfterRetryAfter() throws Exception {
    wiremock.stubFor(endpoint().inScenario("429").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0.3")).willSetStateTo("ok"));
    wiremock.stubFor(endpoint().inScenario("429").whenScenarioStateIs("ok")
        .willReturn(aResponse().withHeader("content-type", "application/json").withBody(successBody())));
    long start = System.nanoTime();
    assertTrue(lookup().await(5, TimeUnit.SECONDS).isPresent());
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 290, "waited for Retry-After");
  }

  @Test
  void rateLimitLongerThanTheDeadlineFailsFast() throws Exception {
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));
    CommerceException e = failure(lookup());
    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(60_000, e.retryAfterMillis());
  }

  @Test
  void malformedJsonIsABadResponse() throws Exception {
    stub(successBody().substring(0, successBody().length() / 2));
    CommerceException e = failure(lookup());
    assertEquals(Reason.BAD_RESPONSE, e.reason());
    assertTrue(!e.getMessage().contains("RR123456785CN"), "no payload in the message: " + e.getMessage());
  }

  @Test
  void circuitOpensAndClosesAgain() throws Exception {
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(503)));
    for (int i = 0; i < 3; i++) {
      // 503 after the retries; on a loaded machine the retries may use up the deadline instead
      Reason reason = failure(lookup()).reason();
      assertTrue(reason == Reason.UNAVAILABLE || reason == Reason.TIMEOUT, reason.name());
    }
    int calls = wiremock.getAllServeEvents().size();
    assertEquals(Reason.CIRCUIT_OPEN, failure(lookup()).reason());
    assertEquals(calls, wiremock.getAllServeEvents().size(), "an open circuit does not call the provider");
    wiremock.resetMappings();
    stub(successBody());
    Thread.sleep(400); // past the 300 ms reset timeout: one trial call is let through
    assertTrue(lookup().await(5, TimeUnit.SECONDS).isPresent());
    assertEquals("CLOSED", http.circuit().name());
  }
}
