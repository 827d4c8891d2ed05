package com.tradewind.connectors;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * What the connectors report for metrics, published on the Vert.x event bus so that they need
 * not know the metrics library: provider calls and circuit changes, rejected webhooks, outbound
 * retries. Nobody has to listen; {@code serve} turns them into Prometheus counters.
 */
public final class ConnectorEvents {

  /** {@code {"provider", "outcome"}}: outcome is {@code ok} or a failure reason in lower case. */
  public static final String PROVIDER_CALL = "tradewind.connectors.provider-call";
  /** {@code {"provider", "state"}}: {@code closed}, {@code half_open} or {@code open}. */
  public static final String CIRCUIT = "tradewind.connectors.circuit";
  /** {@code {"channel", "reason"}}: a webhook request refused (bad signature, too large…). */
  public static final String WEBHOOK_REJECTED = "tradewind.connectors.webhook-rejected";
  /** {@code {"channel"}}: an outbound call repeated after throttling or a temporary error. */
  public static final String OUTBOUND_RETRY = "tradewind.connectors.outbound-retry";

  private ConnectorEvents() {}

  public static void providerCall(Vertx vertx, String provider, String outcome) {
    publish(vertx, PROVIDER_CALL, new JsonObject().put("provider", provider).put("outcome", outcome));
  }

  public static void circuit(Vertx vertx, String provider, String state) {
    publish(vertx, CIRCUIT, new JsonObject().put("provider", provider).put("state", state));
  }

  public static void webhookRejected(Vertx vertx, String channel, String reason) {
    publish(vertx, WEBHOOK_REJECTED, new JsonObject().put("channel", channel).put("reason", reason));
  }

  public static void outboundRetry(Vertx vertx, String channel) {
    publish(vertx, OUTBOUND_RETRY, new JsonObject().put("channel", channel));
  }

  private static void publish(Vertx vertx, String address, JsonObject event) {
    if (vertx != null) {
      vertx.eventBus().publish(address, event);
    }
  }
}
