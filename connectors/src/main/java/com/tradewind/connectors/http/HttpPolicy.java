package com.tradewind.connectors.http;

import java.time.Duration;

/**
 * How patient we are with one provider. The defaults keep a user's answer under 3 s even when a
 * provider hangs: every call, retries included, ends within {@code deadline}.
 *
 * @param connectTimeout TCP/TLS connect
 * @param attemptTimeout one request, from sending to the last byte of the response
 * @param deadline the whole call including retries and their waits
 * @param maxRetries extra attempts for idempotent calls after a 5xx or 429
 * @param backoff first retry delay, doubled each time (a Retry-After from the provider wins)
 * @param breakerFailures failures within {@code breakerWindow} that open the circuit
 * @param breakerWindow rolling window for counting failures
 * @param breakerReset how long an open circuit stays open before one trial call
 */
public record HttpPolicy(Duration connectTimeout, Duration attemptTimeout, Duration deadline, int maxRetries,
    Duration backoff, int breakerFailures, Duration breakerWindow, Duration breakerReset) {

  public HttpPolicy {
    if (attemptTimeout.compareTo(deadline) > 0) {
      throw new IllegalArgumentException("attemptTimeout must not exceed deadline");
    }
    if (maxRetries < 0 || breakerFailures < 1) {
      throw new IllegalArgumentException("maxRetries >= 0 and breakerFailures >= 1 required");
    }
  }

  /** 1 s connect, 1.2 s per attempt, 2.5 s overall, 2 retries from 100 ms, 5 failures open for 30 s. */
  public static HttpPolicy defaults() {
    return new HttpPolicy(Duration.ofSeconds(1), Duration.ofMillis(1200), Duration.ofMillis(2500), 2,
        Duration.ofMillis(100), 5, Duration.ofSeconds(10), Duration.ofSeconds(30));
  }

  /** The same policy with other breaker settings (tests open and close circuits quickly). */
  public HttpPolicy withBreaker(int failures, Duration reset) {
    return new HttpPolicy(connectTimeout, attemptTimeout, deadline, maxRetries, backoff, failures, breakerWindow, reset);
  }

  /** The same policy with another per-attempt timeout and deadline. */
  public HttpPolicy withTimeouts(Duration attempt, Duration overall) {
    return new HttpPolicy(connectTimeout, attempt, overall, maxRetries, backoff, breakerFailures, breakerWindow,
        breakerReset);
  }
}
