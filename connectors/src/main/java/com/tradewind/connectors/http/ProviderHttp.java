package com.tradewind.connectors.http;

import com.tradewind.connectors.commerce.CommerceException;
import com.tradewind.connectors.commerce.CommerceException.Reason;
import com.tradewind.connectors.ConnectorEvents;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.ConnectException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All calls to one provider go through here: a circuit breaker named after the provider, an
 * overall deadline, per-attempt timeouts, and retries on timers (never a sleeping thread) for
 * idempotent calls that got a 5xx or 429 or a provider-level throttle, waiting as long as the
 * provider's Retry-After says when that still fits the deadline.
 *
 * <p>Logs name the provider, the operation and the reason, never a URL, header or body: request
 * URLs carry signatures and tokens, bodies carry buyers' data.
 */
public final class ProviderHttp {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderHttp.class);
  private static final int MAX_CONNECTIONS = 32;

  private final Vertx vertx;
  private final WebClient client;
  private final String provider;
  private final HttpPolicy policy;
  private final CircuitBreaker breaker;
  private final Clock clock;

  public ProviderHttp(Vertx vertx, String provider, HttpPolicy policy, Clock clock) {
    this.vertx = vertx;
    this.provider = provider;
    this.policy = policy;
    this.clock = clock;
    this.client = WebClient.create(vertx, new WebClientOptions()
        .setConnectTimeout((int) policy.connectTimeout().toMillis())
        .setUserAgent("Tradewind/0.1")
        .setKeepAlive(true)
        .setFollowRedirects(false),
        // The default of 5 connections would queue a burst of questions behind a slow provider.
        new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS));
    this.breaker = CircuitBreaker.create("commerce-" + provider, vertx, new CircuitBreakerOptions()
            .setMaxFailures(policy.breakerFailures())
            .setFailuresRollingWindow(policy.breakerWindow().toMillis())
            .setTimeout(policy.deadline().toMillis() + 200) // a backstop: our own deadline fires first
            .setResetTimeout(policy.breakerReset().toMillis())
            .setNotificationAddress(null))
        // A refused request (our bad parameter) says nothing about the provider's health.
        .failurePolicy(f -> f.failed() && !(f.cause() instanceof CommerceException c && c.reason() == Reason.REJECTED))
        .openHandler(v -> {
          LOG.warn("{}: circuit open, calls fail fast for {} s", provider, policy.breakerReset().toSeconds());
          ConnectorEvents.circuit(vertx, provider, "open");
        })
        .halfOpenHandler(v -> ConnectorEvents.circuit(vertx, provider, "half_open"))
        .closeHandler(v -> {
          LOG.info("{}: circuit closed", provider);
          ConnectorEvents.circuit(vertx, provider, "closed");
        });
  }

  /** The Web Client, for building requests ({@code http.client().post(...)}). */
  public WebClient client() {
    return client;
  }

  public String provider() {
    return provider;
  }

  /** closed, open or half_open. */
  public CircuitBreakerState circuit() {
    return breaker.state();
  }

  /**
   * Sends a request built fresh for every attempt (signatures carry timestamps) and reads the
   * response.
   *
   * @param operation short name for logs, e.g. {@code order}
   * @param idempotent whether a failed attempt may be repeated
   * @param request builds the request; called once per attempt
   * @param body sent with each attempt, or null for none
   */
  public <T> Future<T> call(String operation, boolean idempotent, Supplier<HttpRequest<Buffer>> request, Buffer body,
      ResponseReader<T> reader) {
    long deadline = clock.millis() + policy.deadline().toMillis();
    Future<T> result = breaker.<T>execute(promise -> attempt(operation, idempotent, request, body, reader, 0, deadline,
        promise));
    return result.recover(e -> Future.failedFuture(classify(e)))
        .onSuccess(v -> ConnectorEvents.providerCall(vertx, provider, "ok"))
        .onFailure(e -> {
          ConnectorEvents.providerCall(vertx, provider, ((CommerceException) e).reason().name().toLowerCase(Locale.ROOT));
          LOG.warn("{} {}: {}", provider, operation, e.getMessage());
        });
  }

  private <T> void attempt(String operation, boolean idempotent, Supplier<HttpRequest<Buffer>> request, Buffer body,
      ResponseReader<T> reader, int retry, long deadline, Promise<T> promise) {
    long left = deadline - clock.millis();
    if (left <= 0) {
      promise.tryFail(new CommerceException(provider, Reason.TIMEOUT, "no answer within the deadline"));
      return;
    }
    HttpRequest<Buffer> req = request.get().timeout(Math.min(left, policy.attemptTimeout().toMillis()));
    Future<HttpResponse<Buffer>> sent = body == null ? req.send() : req.sendBuffer(body);
    sent.onComplete(ar -> {
      CommerceException failure;
      if (ar.failed()) {
        failure = classify(ar.cause());
      } else {
        try {
          T value = read(ar.result(), reader);
          promise.tryComplete(value);
          return;
        } catch (CommerceException e) {
          failure = e;
        }
      }
      boolean retriable = failure.reason() == Reason.RATE_LIMITED || failure.reason() == Reason.UNAVAILABLE
          && ar.succeeded();
      if (idempotent && retriable && retry < policy.maxRetries()) {
        long wait = failure.retryAfterMillis() >= 0 ? failure.retryAfterMillis()
            : policy.backoff().toMillis() << retry;
        // Only wait when an attempt still fits afterwards; otherwise say so now.
        if (clock.millis() + wait + 50 < deadline) {
          vertx.setTimer(Math.max(1, wait), t -> attempt(operation, idempotent, request, body, reader, retry + 1,
              deadline, promise));
          return;
        }
      }
      promise.tryFail(failure);
    });
  }

  private <T> T read(HttpResponse<Buffer> response, ResponseReader<T> reader) {
    int status = response.statusCode();
    if (status == 429) {
      throw new CommerceException(provider, Reason.RATE_LIMITED, "HTTP 429",
          RetryAfter.millis(response, clock.instant()), null);
    }
    if (status >= 500) {
      throw new CommerceException(provider, Reason.UNAVAILABLE, "HTTP " + status,
          RetryAfter.millis(response, clock.instant()), null);
    }
    try {
      return reader.read(response);
    } catch (CommerceException e) {
      throw e;
    } catch (RuntimeException e) {
      // The exception text may quote the body; keep only its type.
      throw new CommerceException(provider, Reason.BAD_RESPONSE, "unreadable response (HTTP " + status + ", "
          + e.getClass().getSimpleName() + ")");
    }
  }

  private CommerceException classify(Throwable e) {
    if (e instanceof CommerceException c) {
      return c;
    }
    if (e instanceof OpenCircuitException) {
      return new CommerceException(provider, Reason.CIRCUIT_OPEN, "recent calls failed");
    }
    if (e instanceof TimeoutException || e instanceof io.vertx.circuitbreaker.TimeoutException
        || e instanceof io.netty.handler.timeout.TimeoutException
        || e.getClass().getSimpleName().contains("Timeout")) {
      return new CommerceException(provider, Reason.TIMEOUT, "no answer in time");
    }
    if (e instanceof ConnectException) {
      return new CommerceException(provider, Reason.UNAVAILABLE, "cannot connect");
    }
    return new CommerceException(provider, Reason.UNAVAILABLE, e.getClass().getSimpleName());
  }

  /** Standard handling of statuses a reader does not expect: 401/403 are AUTH, other 4xx REJECTED. */
  public CommerceException unexpected(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return new CommerceException(provider, Reason.AUTH, "credentials refused (HTTP " + status + ")");
    }
    return new CommerceException(provider, status >= 400 ? Reason.REJECTED : Reason.BAD_RESPONSE,
        "unexpected HTTP " + status);
  }

  public void close() {
    breaker.close();
    client.close();
  }
}
