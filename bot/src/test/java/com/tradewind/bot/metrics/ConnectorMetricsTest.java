package com.tradewind.bot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.connectors.ConnectorEvents;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConnectorMetricsTest {

  @Test
  void connectorEventsBecomePrometheusSeries(Vertx vertx, VertxTestContext ctx) {
    BotMetrics metrics = BotMetrics.create();
    ConnectorMetrics.listen(vertx, metrics);
    ConnectorEvents.providerCall(vertx, "shopify", "ok");
    ConnectorEvents.providerCall(vertx, "shopify", "timeout");
    ConnectorEvents.circuit(vertx, "shopify", "open");
    ConnectorEvents.webhookRejected(vertx, "slack", "bad_signature");
    ConnectorEvents.outboundRetry(vertx, "whatsapp");
    vertx.setTimer(100, t -> ctx.verify(() -> {
      assertEquals(BotMetrics.CircuitState.OPEN, metrics.circuitStates().get("shopify"));
      assertEquals(1.0, metrics.backendCalls().get("shopify").get("timeout"));
      String scrape = metrics.scrape();
      assertTrue(scrape.contains("tradewind_webhook_rejected_total{channel=\"slack\",reason=\"bad_signature\"} 1.0"), scrape);
      assertTrue(scrape.contains("tradewind_outbound_retries_total{channel=\"whatsapp\"} 1.0"), scrape);
      assertTrue(scrape.contains("tradewind_circuit_state{provider=\"shopify\"} 2.0"), scrape);
      ctx.completeNow();
    }));
  }
}
