package com.tradewind.bot.http;

import io.vertx.ext.web.Router;

/**
 * A group of routes a feature adds to the HTTP server (Slack, WhatsApp, admin, metrics), so the
 * server does not need to know every feature. Mounted before the web chat's catch-all routes.
 */
@FunctionalInterface
public interface Routes {

  void mount(Router router);
}
