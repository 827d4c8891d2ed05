package com.tradewind.bot.metrics;

import com.tradewind.bot.http.Routes;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;

/** {@code GET /metrics}: the Prometheus text format, for a scraper on the operator's network. */
public final class MetricsRoutes implements Routes {

  private final BotMetrics metrics;

  public MetricsRoutes(BotMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(PrometheusScrapingHandler.create(metrics.registry()));
  }
}
