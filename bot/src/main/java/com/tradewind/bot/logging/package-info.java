/**
 * Structured JSON logs (Logback + logstash-logback-encoder) in which personal data and secrets are
 * masked on the way out, whatever path they took into the event.
 */
package com.tradewind.bot.logging;
