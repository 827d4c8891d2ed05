package com.tradewind.bot.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsOptions;

/** A Vert.x instance whose HTTP server, clients, event bus and pools report into the bot's registry. */
public final class MeteredVertx {

  private MeteredVertx() {}

  public static Vertx create(BotMetrics metrics) {
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
    return Vertx.builder().with(options).withMetrics(new StartSafeMetricsFactory(metrics.registry())).build();
  }
}
