package com.tradewind.connectors.seventeentrack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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

class SeventeenTrackTest extends ProviderContract {

  private SeventeenTrack tracker;

  @Override
  protected void createProvider() {
    tracker = new SeventeenTrack(http, wiremock.baseUrl(), "key-17");
  }

  @Override
  protected MappingBuilder endpoint() {
    return post(urlEqualTo("/track/v2.2/gettrackinfo"));
  }

  @Override
  protected Future<? extends Optional<?>> lookup() {
    return tracker.tracking("RR123456785CN");
  }

  @Override
  protected String successBody() {
    return resource("17track/gettrackinfo.json");
  }

  @Test
  void trackInfoWithEventsOldestFirst() throws Exception {
    stub(successBody());
    Tracking t = tracker.tracking("RR123456785CN").await(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals(TrackingStatus.IN_TRANSIT, t.status());
    assertEquals("InTransit_Departure", t.rawStatus());
    assertEquals("China Post", t.carrier());
    assertEquals(Instant.parse("2024-02-26T02:00:00Z"), t.events().get(0).time());
    assertEquals("Departed from port of origin", t.latest().description());
    assertEquals(LocalDate.of(2024, 3, 14), t.estimatedDelivery());
    wiremock.verify(postRequestedFor(urlEqualTo("/track/v2.2/gettrackinfo")).withHeader("17token", equalTo("key-17"))
        .withRequestBody(equalToJson("[{\"number\":\"RR123456785CN\"}]")));
  }

  @Test
  void unregisteredNumberIsRegisteredAndNotFoundForNow() throws Exception {
    stub(resource("17track/rejected-not-registered.json"));
    wiremock.stubFor(post(urlEqualTo("/track/v2.2/register"))
        .willReturn(aResponse().withBody(resource("17track/register-accepted.json"))));
    assertTrue(tracker.tracking("RR123456785CN").await(5, TimeUnit.SECONDS).isEmpty());
    wiremock.verify(1, postRequestedFor(urlEqualTo("/track/v2.2/register"))
        .withRequestBody(equalToJson("[{\"number\":\"RR123456785CN\"}]")));
  }

  @Test
  void perNumberQuotaRejectionIsRateLimited() throws Exception {
    stub(resource("17track/rejected-quota.json"));
    assertEquals(Reason.RATE_LIMITED, failure(tracker.tracking("RR123456785CN")).reason());
  }

  @Test
  void requestLevelErrorsAreMapped() throws Exception {
    stub(resource("17track/invalid-key.json"));
    var e = failure(tracker.tracking("RR123456785CN"));
    assertEquals(Reason.AUTH, e.reason());
    assertTrue(!e.getMessage().contains("key-17"));
    wiremock.resetMappings();
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(401).withBody("{}")));
    assertEquals(Reason.AUTH, failure(tracker.tracking("RR123456785CN")).reason());
  }
}
