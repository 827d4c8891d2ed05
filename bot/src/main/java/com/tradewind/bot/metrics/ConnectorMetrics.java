package com.tradewind.bot.metrics;

import com.tradewind.connectors.ConnectorEvents;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * Turns what the connectors publish ({@link ConnectorEvents}) into metrics: backend calls and
 * circuit states, rejected webhooks and outbound retries.
 */
public final class ConnectorMetrics {

  private final List<MessageConsumer<JsonObject>> consumers;

  private ConnectorMetrics(List<MessageConsumer<JsonObject>> consumers) {
    this.consumers = consumers;
  }

  public static ConnectorMetrics listen(Vertx vertx, BotMetrics metrics) {
    var bus = vertx.eventBus();
    return new ConnectorMetrics(List.of(
        bus.<JsonObject>localConsumer(ConnectorEvents.PROVIDER_CALL,
            m -> metrics.backendCall(m.body().getString("provider"), m.body().getString("outcome"))),
        bus.<JsonObject>localConsumer(ConnectorEvents.CIRCUIT,
            m -> metrics.circuitState(m.body().getString("provider"),
                BotMetrics.CircuitState.valueOf(m.body().getString("state").toUpperCase(Locale.ROOT)))),
        bus.<JsonObject>localConsumer(ConnectorEvents.WEBHOOK_REJECTED,
            m -> metrics.webhookRejected(m.body().getString("channel"), m.body().getString("reason"))),
        bus.<JsonObject>localConsumer(ConnectorEvents.OUTBOUND_RETRY,
            m -> metrics.outboundRetry(m.body().getString("channel")))));
  }

  public void close() {
    consumers.forEach(MessageConsumer::unregister);
  }
}
