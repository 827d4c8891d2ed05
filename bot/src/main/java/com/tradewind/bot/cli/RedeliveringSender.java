package com.tradewind.bot.cli;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Clock;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Posts signed Slack events the way Slack does to bot nodes that may die at any moment: new
 * events at a constant rate, and an event not acknowledged with a 2xx (connection refused or
 * cut, timeout, 503) sent again until one is, with Slack's retry headers, after 0.2 to 1.6 s. Unlike Slack it also
 * sends again a share of the events that <em>were</em> acknowledged, a little later, so the
 * inbox's dedupe is tested across restarts. With several nodes an event goes to one of the live
 * nodes and its retries to the next, as a load balancer would.
 *
 * <p>All state is kept on one Vert.x context; counters are atomic so other threads can read them.
 */
final class RedeliveringSender {

  private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
  private static final int TIMEOUT_MS = 5_000;

  /** A send waiting for its time: {@code attempt} 0 is the first delivery, {@code again} a re-send of an acknowledged event. */
  private record Due(long at, int event, int attempt, boolean again) {}

  private final Vertx vertx;
  private final Context context;
  private final SlackBenchKit kit;
  private final HttpClient client;
  private final AtomicIntegerArray ports;
  private final int count;
  private final double resendShare;
  private final Random random;
  private final AtomicIntegerArray acked;
  private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
  private final AtomicInteger ackedCount = new AtomicInteger();
  private final AtomicInteger deliveries = new AtomicInteger();
  private final AtomicInteger notAcknowledged = new AtomicInteger();
  private final AtomicInteger resentAcknowledged = new AtomicInteger();
  private final AtomicInteger outstanding = new AtomicInteger();
  private final java.util.Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentSkipListMap<>();
  private int released;
  private long startedAt;

  /**
   * @param nodes how many nodes there are; each is down until {@link #up} gives its port
   * @param resendShare the share of acknowledged events delivered once more, 0.5 to 4 s later
   */
  RedeliveringSender(Vertx vertx, SlackBenchKit kit, int nodes, int count, double resendShare, long seed) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.kit = kit;
    this.client = vertx.httpClientBuilder().with(new HttpClientOptions().setKeepAlive(true))
        .with(new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(-1))
        // connections cut by a kill fail their request, which is retried: nothing to log
        .withConnectHandler(connection -> connection.exceptionHandler(e -> { }))
        .build();
    this.ports = new AtomicIntegerArray(nodes);
    for (int n = 0; n < nodes; n++) {
      ports.set(n, -1);
    }
    this.count = count;
    this.resendShare = resendShare;
    this.random = new Random(seed);
    this.acked = new AtomicIntegerArray(count);
  }

  /** Node {@code n} listens on {@code port}. */
  void up(int n, int port) {
    ports.set(n, port);
  }

  /** Node {@code n} is about to die: nothing new is sent to it. */
  void down(int n) {
    ports.set(n, -1);
  }

  /** Starts releasing new events at {@code rate} per second. */
  void start(int rate) {
    context.runOnContext(v -> {
      startedAt = System.nanoTime();
      vertx.setPeriodic(5, timer -> tick(rate));
    });
  }

  private void tick(int rate) {
    long now = System.nanoTime();
    long epochSecond = Clock.systemUTC().instant().getEpochSecond();
    long releasable = Math.min(count, (now - startedAt) * rate / 1_000_000_000L + 1);
    while (released < releasable) {
      outstanding.incrementAndGet();
      send(released++, 0, false, epochSecond);
    }
    while (!due.isEmpty() && due.peek().at() <= now) {
      Due d = due.poll();
      send(d.event(), d.attempt(), d.again(), epochSecond);
    }
  }

  private void send(int event, int attempt, boolean again, long epochSecond) {
    int port = pickPort(event, attempt);
    if (port < 0) {
      later(event, attempt, again, RETRY_NANOS); // no node up: Slack's delivery fails and is retried
      return;
    }
    deliveries.incrementAndGet();
    if (again && attempt == 0) {
      resentAcknowledged.incrementAndGet();
    }
    SlackBenchKit.Signed signed = kit.event(event, epochSecond);
    if (attempt > 0) {
      signed.headers().set("X-Slack-Retry-Num", String.valueOf(Math.min(attempt, 3)))
          .set("X-Slack-Retry-Reason", "http_error");
    }
    client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI("/slack/events").setTimeout(TIMEOUT_MS))
        .compose(req -> {
          req.headers().addAll(signed.headers());
          return req.send(signed.body());
        })
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(ar -> {
          if (ar.succeeded() && ar.result() / 100 == 2) {
            acknowledged(event, again);
          } else {
            notAcknowledged.incrementAndGet();
            failures.computeIfAbsent(ar.succeeded() ? "HTTP " + ar.result() : ar.cause().getClass().getSimpleName(),
                k -> new AtomicInteger()).incrementAndGet();
            // Slack backs off too (1 and 5 minutes); compressed here so a run takes seconds
            later(event, attempt + 1, again, RETRY_NANOS << Math.min(attempt, 3));
          }
        });
  }

  private void acknowledged(int event, boolean again) {
    if (acked.compareAndSet(event, 0, 1)) {
      ackedCount.incrementAndGet();
    }
    if (!again && random.nextDouble() < resendShare) {
      later(event, 0, true, TimeUnit.MILLISECONDS.toNanos(500 + random.nextInt(3_500)));
    } else {
      outstanding.decrementAndGet();
    }
  }

  private void later(int event, int attempt, boolean again, long delayNanos) {
    due.add(new Due(System.nanoTime() + delayNanos, event, attempt, again));
  }

  /** The event's node (alternating, shifted per round of people), or the next live one for a retry. */
  private int pickPort(int event, int attempt) {
    int nodes = ports.length();
    int first = (event + event / kit.users() + attempt) % nodes;
    for (int k = 0; k < nodes; k++) {
      int port = ports.get((first + k) % nodes);
      if (port > 0) {
        return port;
      }
    }
    return -1;
  }

  /** Every event was released and acknowledged, and no re-send is waiting. */
  boolean finished() {
    return ackedCount.get() == count && outstanding.get() == 0;
  }

  boolean acknowledged(int event) {
    return acked.get(event) != 0;
  }

  int acknowledgedCount() {
    return ackedCount.get();
  }

  /** HTTP requests made, first deliveries and re-sends. */
  int deliveries() {
    return deliveries.get();
  }

  /** Deliveries not answered with a 2xx (refused, cut by a kill, timed out, 503), each retried. */
  int notAcknowledged() {
    return notAcknowledged.get();
  }

  /** Deliveries not acknowledged, by HTTP status or exception. */
  String failures() {
    return failures.toString();
  }

  /** Acknowledged events delivered once more. */
  int resentAcknowledged() {
    return resentAcknowledged.get();
  }

  void close() throws Exception {
    client.close().await(10, TimeUnit.SECONDS);
  }
}
