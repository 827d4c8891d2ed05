package com.tradewind.connectors.aftership;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingStatus;
import com.tradewind.connectors.http.ProviderContract;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AfterShipTest extends ProviderContract {

  private static final String PATH = "/tracking/" + AfterShip.API_VERSION + "/trackings";
  private AfterShip aftership;

  @Override
  protected void createProvider() {
    aftership = new AfterShip(http, wiremock.baseUrl(), "as-key");
  }

  @Override
  protected MappingBuilder endpoint() {
    return get(urlPathEqualTo(PATH));
  }

  @Override
  protected Future<? extends Optional<?>> lookup() {
    return aftership.tracking("RR123456785CN");
  }

  @Override
  protected String successBody() {
    return resource("aftership/trackings.json");
  }

  @Test
  void trackingWithCheckpointsInLocalTime() throws Exception {
    stub(successBody());
    Tracking t = aftership.tracking("RR123456785CN").await(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals(TrackingStatus.IN_TRANSIT, t.status());
    assertEquals("InTransit_007", t.rawStatus());
    assertEquals("china-post", t.carrier());
    assertEquals(Instant.parse("2024-02-27T00:12:00Z"), t.latest().time());
    assertEquals("Guangzhou", t.latest().place());
    assertEquals(LocalDate.of(2024, 3, 12), t.estimatedDelivery());
    wiremock.verify(getRequestedFor(urlPathEqualTo(PATH)).withHeader("as-api-key", equalTo("as-key"))
        .withQueryParam("tracking_numbers", equalTo("RR123456785CN")));
  }

  @Test
  void unknownTrackingIsEmpty() throws Exception {
    stub(resource("aftership/trackings-empty.json"));
    assertTrue(aftership.tracking("RR123456785CN").await(5, TimeUnit.SECONDS).isEmpty());
    wiremock.resetMappings();
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(404).withBody(resource("aftership/not-found.json"))));
    assertTrue(aftership.tracking("RR123456785CN").await(5, TimeUnit.SECONDS).isEmpty());
  }

  @Test
  void invalidKeyIsAuth() throws Exception {
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(401).withBody(resource("aftership/invalid-key.json"))));
    var e = failure(aftership.tracking("RR123456785CN"));
    assertEquals(Reason.AUTH, e.reason());
    assertTrue(!e.getMessage().contains("as-key"));
  }

  @Test
  void rateLimitResetHeaderIsHonoured() throws Exception {
    long reset = Instant.now().getEpochSecond() + 120;
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(429)
        .withHeader("X-RateLimit-Reset", String.valueOf(reset))
        .withBody("{\"meta\":{\"code\":429,\"message\":\"Too many requests\",\"type\":\"TooManyRequests\"},\"data\":{}}")));
    var e = failure(aftership.tracking("RR123456785CN"));
    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertTrue(e.retryAfterMillis() > 100_000, "from X-RateLimit-Reset: " + e.retryAfterMillis());
  }
}
