/**
 * Prometheus metrics through Micrometer: turns observed from the dialogue, the connectors' webhook
 * rejections and retries, backend calls and circuit states, caches, Vert.x and the JVM.
 */
package com.tradewind.bot.metrics;
