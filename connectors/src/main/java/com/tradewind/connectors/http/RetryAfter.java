package com.tradewind.connectors.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a provider asked us to wait: {@code Retry-After} in seconds (Shopify sends
 * {@code 2.0}) or as an HTTP date, else AfterShip's {@code X-RateLimit-Reset} (epoch seconds).
 */
public final class RetryAfter {

  private RetryAfter() {}

  /** The wait in milliseconds, or -1 when the response does not say. */
  public static long millis(HttpResponse<Buffer> response, Instant now) {
    String value = response.getHeader("Retry-After");
    if (value != null && !value.isBlank()) {
      try {
        return Math.max(0, Math.round(Double.parseDouble(value.strip()) * 1000));
      } catch (NumberFormatException notSeconds) {
        try {
          Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
          return Math.max(0, Duration.between(now, at).toMillis());
        } catch (DateTimeParseException notADate) {
          return -1;
        }
      }
    }
    String reset = response.getHeader("X-RateLimit-Reset");
    if (reset != null) {
      try {
        return Math.max(0, Long.parseLong(reset.strip()) * 1000 - now.toEpochMilli());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
