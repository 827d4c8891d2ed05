package com.tradewind.connectors.commerce.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.connectors.http.HttpPolicy;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommerceProvidersTest {

  private final Vertx vertx = Vertx.vertx();
  private static final Path SAMPLE = Path.of("config/sample-orders.json");

  @AfterEach
  void close() {
    vertx.close();
  }

  private CommerceProviders from(Map<String, String> env) throws Exception {
    return CommerceProviders.fromEnv(vertx, env, SAMPLE, Clock.systemUTC(), HttpPolicy.defaults());
  }

  @Test
  void sampleByDefault() throws Exception {
    CommerceProviders p = from(Map.of());
    assertEquals("sample", p.orders().name());
    assertEquals("sample", p.parcels().name());
    assertTrue(p.sampleOrders());
  }

  @Test
  void selectedProvidersWithTheirSecrets() throws Exception {
    CommerceProviders p = from(Map.of("TRADEWIND_ORDERS_PROVIDER", "shopify", "SHOPIFY_SHOP_URL",
        "https://demo.myshopify.com", "SHOPIFY_ACCESS_TOKEN", "shpat_x", "TRADEWIND_TRACKING_PROVIDER", "17track",
        "SEVENTEENTRACK_API_KEY", "k"));
    assertEquals("shopify", p.orders().name());
    assertEquals("17track", p.parcels().name());
    assertTrue(!p.sampleOrders());
  }

  @Test
  void aliExpressTracksItsOwnParcelsUnlessATrackingServiceIsConfigured() throws Exception {
    Map<String, String> aliexpress = Map.of("TRADEWIND_ORDERS_PROVIDER", "aliexpress", "ALIEXPRESS_APP_KEY", "k",
        "ALIEXPRESS_APP_SECRET", "s", "ALIEXPRESS_ACCESS_TOKEN", "t");
    assertEquals("aliexpress", from(aliexpress).orderParcels().name());
    Map<String, String> with17track = new java.util.HashMap<>(aliexpress);
    with17track.put("TRADEWIND_TRACKING_PROVIDER", "17track");
    with17track.put("SEVENTEENTRACK_API_KEY", "k");
    assertNull(from(with17track).orderParcels(), "the configured tracking service wins");
    assertNull(from(Map.of()).orderParcels(), "the sample store has no tracking of its own");
  }

  @Test
  void missingSecretFailsNamingTheVariable() {
    var e = assertThrows(IllegalArgumentException.class, () -> from(Map.of("TRADEWIND_ORDERS_PROVIDER", "aliexpress",
        "ALIEXPRESS_APP_KEY", "k", "ALIEXPRESS_APP_SECRET", "s")));
    assertTrue(e.getMessage().startsWith("ALIEXPRESS_ACCESS_TOKEN"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> from(Map.of("TRADEWIND_TRACKING_PROVIDER", "aftership")));
    assertTrue(e.getMessage().startsWith("AFTERSHIP_API_KEY"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> from(Map.of("TRADEWIND_ORDERS_PROVIDER", "ebay")));
    assertTrue(e.getMessage().startsWith("TRADEWIND_ORDERS_PROVIDER"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> from(Map.of("TRADEWIND_ORDERS_PROVIDER", "shopify",
        "SHOPIFY_SHOP_URL", "demo.myshopify.com", "SHOPIFY_ACCESS_TOKEN", "t")));
    assertTrue(e.getMessage().startsWith("SHOPIFY_SHOP_URL"), e.getMessage());
  }
}
