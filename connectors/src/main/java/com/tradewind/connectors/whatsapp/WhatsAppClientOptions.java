package com.tradewind.connectors.whatsapp;

import java.time.Duration;

/**
 * How the Graph API client reaches Meta.
 *
 * @param apiUrl the Graph API base with its pinned version, e.g. {@value #DEFAULT_API_URL}
 * @param phoneNumberId the business number's id; messages go to {@code apiUrl/phoneNumberId/messages}
 * @param accessToken a system-user (permanent) token; never logged
 * @param messagesPerSecond the account's throughput, {@value #DEFAULT_RATE} by default
 * @param timeout the longest wait for one call
 * @param maxRetries how often a throttled or temporarily failed call is repeated
 * @param backoff the first wait after 130429 or a temporary error, doubled each time
 * @param pairBackoff the first wait after 131056 (about one message per 6 s to one user), doubled
 */
public record WhatsAppClientOptions(String apiUrl, String phoneNumberId, String accessToken, double messagesPerSecond,
    Duration timeout, int maxRetries, Duration backoff, Duration pairBackoff) {

  public static final String DEFAULT_API_URL = "https://graph.facebook.com/v21.0";
  public static final double DEFAULT_RATE = 80;

  public WhatsAppClientOptions {
    if (apiUrl == null || !apiUrl.matches("https?://\\S+")) {
      throw new IllegalArgumentException("the API URL must be an http(s) URL");
    }
    apiUrl = apiUrl.replaceAll("/+$", "");
    if (phoneNumberId == null || !phoneNumberId.matches("\\d{1,32}")) {
      throw new IllegalArgumentException("the phone number id must be digits");
    }
    if (accessToken == null || accessToken.isBlank()) {
      throw new IllegalArgumentException("the access token is empty");
    }
    if (!(messagesPerSecond > 0 && messagesPerSecond <= 10_000)) {
      throw new IllegalArgumentException("messages per second must be between 0 and 10000");
    }
    if (timeout.isNegative() || timeout.isZero() || maxRetries < 0 || backoff.isNegative() || pairBackoff.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive; retries and back-offs not negative");
    }
  }

  /** Defaults for everything but the account's values. */
  public static WhatsAppClientOptions of(String apiUrl, String phoneNumberId, String accessToken) {
    return new WhatsAppClientOptions(apiUrl, phoneNumberId, accessToken, DEFAULT_RATE, Duration.ofSeconds(10), 4,
        Duration.ofSeconds(1), Duration.ofSeconds(6));
  }

  /** The messages endpoint of the business number. */
  public String messagesUrl() {
    return apiUrl + "/" + phoneNumberId + "/messages";
  }

  @Override
  public String toString() {
    // the token stays out of logs and exception messages
    return "WhatsAppClientOptions[apiUrl=" + apiUrl + ", phoneNumberId=" + phoneNumberId + ", accessToken=***"
        + ", messagesPerSecond=" + messagesPerSecond + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
  }
}
