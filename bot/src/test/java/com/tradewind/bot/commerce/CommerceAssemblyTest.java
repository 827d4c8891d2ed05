package com.tradewind.bot.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.config.ConfigException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommerceAssemblyTest {

  private static final Path SAMPLE = Path.of("config/sample-orders.json");
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private static Map<String, String> shopify() {
    Map<String, String> env = new HashMap<>();
    env.put("TRADEWIND_ORDERS_PROVIDER", "shopify");
    env.put("SHOPIFY_SHOP_URL", "https://demo.myshopify.com");
    env.put("SHOPIFY_ACCESS_TOKEN", "shpat_x");
    return env;
  }

  @Test
  void sampleStoreIsOpenToTheWebChatWithoutAnySecret() throws Exception {
    CommerceAssembly assembly = CommerceAssembly.fromEnv(vertx, Map.of(), SAMPLE);
    assertTrue(assembly.providers().sampleOrders());
    assertNull(assembly.tokens());
    assertEquals(7, assembly.desk().stalledAfter().toDays());
  }

  @Test
  void aRealStoreNeedsTheCustomerSecretForTheWebChat() throws Exception {
    var e = assertThrows(ConfigException.class, () -> CommerceAssembly.fromEnv(vertx, shopify(), SAMPLE));
    assertTrue(e.getMessage().contains("TRADEWIND_WEB_CUSTOMER_SECRET"), e.getMessage());
    Map<String, String> env = shopify();
    env.put("TRADEWIND_WEB_CUSTOMER_SECRET", "a-long-enough-shop-secret");
    env.put("TRADEWIND_TRACKING_STALLED_DAYS", "10");
    CommerceAssembly assembly = CommerceAssembly.fromEnv(vertx, env, SAMPLE);
    assertNotNull(assembly.tokens());
    assertEquals(10, assembly.desk().stalledAfter().toDays());
    env.remove("TRADEWIND_WEB_CUSTOMER_SECRET");
    env.put("TRADEWIND_WEB_ORDER_ACCESS", "open");
    assertNull(CommerceAssembly.fromEnv(vertx, env, SAMPLE).tokens(), "explicitly open: no secret needed");
  }

  @Test
  void badValuesNameTheirVariable() {
    var e = assertThrows(ConfigException.class, () -> CommerceAssembly.fromEnv(vertx,
        Map.of("TRADEWIND_WEB_ORDER_ACCESS", "everyone"), SAMPLE));
    assertTrue(e.getMessage().contains("TRADEWIND_WEB_ORDER_ACCESS"), e.getMessage());
    var slack = assertThrows(IllegalArgumentException.class, () -> CommerceAssembly.fromEnv(vertx,
        Map.of("SLACK_ALLOWED_TEAMS", "team one"), SAMPLE));
    assertTrue(slack.getMessage().startsWith("SLACK_ALLOWED_TEAMS"), slack.getMessage());
  }

  @Test
  void slackTeamsWithOptionalChannels() {
    assertEquals(Map.of("T0123", Set.of(), "T0456", Set.of("C01", "C02")),
        OrderAccess.parseSlackTeams(" T0123 , T0456:C01|C02 "));
    assertEquals(Map.of(), OrderAccess.parseSlackTeams(null));
  }
}
