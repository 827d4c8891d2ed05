package com.tradewind.connectors.aliexpress;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingStatus;
import com.tradewind.connectors.http.ProviderContract;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AliExpressClientTest extends ProviderContract {

  private static final Instant SIGNED_AT = Instant.ofEpochMilli(1517820392000L);
  private AliExpressClient client;

  @Override
  protected void createProvider() {
    client = new AliExpressClient(http, new AliExpressCredentials("12345678", "helloworld", "test"), wiremock.baseUrl(),
        Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
  }

  @Override
  protected MappingBuilder endpoint() {
    return post(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(AliExpressClient.FIND_ORDER));
  }

  @Override
  protected Future<? extends Optional<?>> lookup() {
    return client.order("8123456789012345");
  }

  @Override
  protected String successBody() {
    return resource("aliexpress/findorderbyid.json");
  }

  @Test
  void orderDetailIsSignedAndParsedInPacificTime() throws Exception {
    stub(successBody());
    Order order = client.order("8123456789012345").await(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals("8123456789012345", order.id());
    assertEquals(OrderStatus.SHIPPED, order.status());
    assertEquals("WAIT_BUYER_ACCEPT_GOODS", order.rawStatus());
    assertEquals("17.05", order.total().amount().toPlainString());
    assertEquals("USD", order.total().currency());
    // 2024-02-24 15:00:51 in Los Angeles (PST, UTC-8)
    assertEquals(Instant.parse("2024-02-24T23:00:51Z"), order.placedAt());
    assertEquals("RR123456785CN", order.trackingNumber());
    assertEquals("CAINIAO_STANDARD", order.lastShipment().service());
    assertEquals("+34600111222", order.buyer().phone());
    assertEquals("Bluetooth earbuds", order.items().get(0).name());
    // the calculated vector V5: system params in the query, param1 in the form body, all signed
    wiremock.verify(postRequestedFor(urlPathEqualTo("/sync"))
        .withQueryParam("sign", equalTo("FDB5C8C2A04EB41044E998DA43C90CBCC782754FFDD776FBD8763E993F0F333F"))
        .withQueryParam("session", equalTo("test"))
        .withRequestBody(containing("param1=%7B%22order_id%22%3A8123456789012345%7D")));
  }

  @Test
  void unknownOrderIsEmpty() throws Exception {
    stub(resource("aliexpress/findorderbyid-empty.json"));
    assertTrue(client.order("8123456789012399").await(5, TimeUnit.SECONDS).isEmpty());
    assertTrue(client.order("#1001").await(5, TimeUnit.SECONDS).isEmpty(), "not an AliExpress number: no call");
    assertEquals(1, wiremock.getAllServeEvents().size());
  }

  @Test
  void gatewayErrorsAreMapped() throws Exception {
    stub(resource("aliexpress/error-illegal-access-token.json"));
    var auth = failure(client.order("8123456789012345"));
    assertEquals(Reason.AUTH, auth.reason());
    assertTrue(!auth.getMessage().contains("test") && !auth.getMessage().contains("helloworld"), auth.getMessage());
    wiremock.resetMappings();
    stub(resource("aliexpress/error-api-call-limit.json"));
    assertEquals(Reason.RATE_LIMITED, failure(client.order("8123456789012345")).reason());
  }

  @Test
  void logisticsTrackingSortsEventsAndMapsCainiaoCodes() throws Exception {
    wiremock.stubFor(post(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(AliExpressClient.TRACKING))
        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
            .withBody(resource("aliexpress/querytrackingresult.json"))));
    stub(successBody());
    Order order = client.order("8123456789012345").await(5, TimeUnit.SECONDS).orElseThrow();
    Tracking t = client.tracking(order, order.lastShipment(), "ES").await(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals(2, t.events().size());
    assertEquals("Accepted by carrier", t.events().get(0).description());
    assertEquals(TrackingStatus.IN_TRANSIT, t.status());
    assertEquals("LH_DEPART", t.rawStatus());
    wiremock.verify(postRequestedFor(urlPathEqualTo("/sync")).withQueryParam("method", equalTo(AliExpressClient.TRACKING))
        .withRequestBody(containing("to_area=ES")).withRequestBody(containing("service_name=CAINIAO_STANDARD")));
  }
}
