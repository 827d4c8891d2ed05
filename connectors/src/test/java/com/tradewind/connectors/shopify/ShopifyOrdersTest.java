package com.tradewind.connectors.shopify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.http.ProviderContract;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShopifyOrdersTest extends ProviderContract {

  private static final String PATH = "/admin/api/" + ShopifyOrders.API_VERSION + "/graphql.json";
  private ShopifyOrders shopify;

  @Override
  protected void createProvider() {
    shopify = new ShopifyOrders(http, wiremock.baseUrl(), "shpat_secret");
  }

  @Override
  protected MappingBuilder endpoint() {
    return post(urlEqualTo(PATH));
  }

  @Override
  protected Future<? extends Optional<?>> lookup() {
    return shopify.order("#1001");
  }

  @Override
  protected String successBody() {
    return resource("shopify/order-1001.json");
  }

  @Test
  void orderByNameWithFulfillmentAndTracking() throws Exception {
    stub(successBody());
    Order order = shopify.order("#1001").await(5, TimeUnit.SECONDS).orElseThrow();
    assertEquals("#1001", order.id());
    assertEquals(OrderStatus.SHIPPED, order.status());
    assertEquals("PAID/FULFILLED", order.rawStatus());
    assertEquals("598.94", order.total().amount().toPlainString());
    assertEquals("1Z5R89390357567127", order.trackingNumber());
    assertEquals("UPS", order.lastShipment().carrier());
    assertEquals(LocalDate.of(2024, 3, 8), order.lastShipment().promisedBy());
    assertEquals("207119551", order.buyer().customerId());
    wiremock.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("X-Shopify-Access-Token", equalTo("shpat_secret"))
        .withRequestBody(matchingJsonPath("$.variables.q", equalTo("name:#1001"))));
  }

  @Test
  void numericIdSearchesById() throws Exception {
    stub(successBody());
    shopify.order("450789469").await(5, TimeUnit.SECONDS);
    wiremock.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(matchingJsonPath("$.variables.q",
        equalTo("id:450789469"))));
  }

  @Test
  void unknownOrderIsEmpty() throws Exception {
    stub(resource("shopify/orders-empty.json"));
    assertTrue(shopify.order("#9999").await(5, TimeUnit.SECONDS).isEmpty());
  }

  @Test
  void throttledQueryIsRateLimitedWithTheRestoreTime() throws Exception {
    stub(resource("shopify/throttled.json"));
    var e = failure(shopify.order("#1001"));
    assertEquals(Reason.RATE_LIMITED, e.reason());
    assertEquals(1720, e.retryAfterMillis()); // (752 - 666) / 50 per second
  }

  @Test
  void errorsAreMapped() throws Exception {
    stub(resource("shopify/access-denied.json"));
    assertEquals(Reason.AUTH, failure(shopify.order("#1001")).reason());
    wiremock.resetMappings();
    wiremock.stubFor(endpoint().willReturn(aResponse().withStatus(401).withBody("{\"errors\":\"[API] Invalid API key or access token\"}")));
    var e = failure(shopify.order("#1001"));
    assertEquals(Reason.AUTH, e.reason());
    assertTrue(!e.getMessage().contains("shpat_secret"));
  }

  @Test
  void statusesFollowFinancialAndFulfillmentState() {
    assertEquals(OrderStatus.AWAITING_PAYMENT, ShopifyOrders.status("PENDING", "UNFULFILLED", false, false));
    assertEquals(OrderStatus.AWAITING_SHIPMENT, ShopifyOrders.status("PAID", "UNFULFILLED", false, false));
    assertEquals(OrderStatus.PARTLY_SHIPPED, ShopifyOrders.status("PAID", "PARTIALLY_FULFILLED", false, false));
    assertEquals(OrderStatus.DELIVERED, ShopifyOrders.status("PAID", "FULFILLED", false, true));
    assertEquals(OrderStatus.FROZEN, ShopifyOrders.status("PAID", "ON_HOLD", false, false));
    assertEquals(OrderStatus.CANCELLED, ShopifyOrders.status("VOIDED", "UNFULFILLED", true, false));
    assertEquals(OrderStatus.REFUNDED, ShopifyOrders.status("REFUNDED", "FULFILLED", true, false));
  }
}
