package com.tradewind.bot.cli;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Posts {@code count} signed Slack events at a constant rate whatever the answers take (open
 * loop, as Slack does), spread over one or more ports the way a load balancer would, and notes
 * when each was sent and acknowledged and whether the acknowledgement was a 2xx.
 */
final class OpenLoopSender {

  private final Vertx vertx;
  private final SlackBenchKit kit;
  private final List<HttpClient> clients = new ArrayList<>();
  private final int first;
  private final int count;
  private final AtomicLongArray sentAt;
  private final AtomicLongArray ackedAt;
  private final AtomicIntegerArray failed;
  private final CountDownLatch acked;
  private volatile long startedAt;

  /** Events {@code first .. first + count - 1}; event {@code first + k} goes to the k-th port round-robin. */
  OpenLoopSender(Vertx vertx, SlackBenchKit kit, int[] ports, int connections, int first, int count) {
    this.vertx = vertx;
    this.kit = kit;
    for (int port : ports) {
      clients.add(vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
          .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1)));
    }
    this.first = first;
    this.count = count;
    this.sentAt = new AtomicLongArray(count);
    this.ackedAt = new AtomicLongArray(count);
    this.failed = new AtomicIntegerArray(count);
    this.acked = new CountDownLatch(count);
  }

  /** Starts sending from a 5 ms timer; returns the start time ({@link System#nanoTime}). */
  long start(int rate) {
    startedAt = System.nanoTime();
    int[] sent = {0};
    vertx.setPeriodic(5, timer -> {
      long due = Math.min(count, (System.nanoTime() - startedAt) * rate / 1_000_000_000L + 1);
      long epochSecond = Clock.systemUTC().instant().getEpochSecond();
      while (sent[0] < due) {
        send(sent[0]++, epochSecond);
      }
      if (sent[0] >= count) {
        vertx.cancelTimer(timer);
      }
    });
    return startedAt;
  }

  private void send(int k, long epochSecond) {
    // Alternate nodes per event, shifted by one each round of the people, so that with two nodes
    // one person's consecutive messages land on different nodes: the cluster's per-conversation
    // order is exercised, not sidestepped by the person's id having the nodes' parity.
    int i = first + k;
    HttpClient client = clients.get((k + k / kit.users()) % clients.size());
    SlackBenchKit.Signed event = kit.event(i, epochSecond);
    sentAt.set(k, System.nanoTime());
    client.request(HttpMethod.POST, "/slack/events")
        .compose(req -> {
          req.headers().addAll(event.headers());
          return req.send(event.body());
        })
        .compose(resp -> {
          if (resp.statusCode() / 100 != 2) {
            failed.set(k, 1);
          }
          return resp.body();
        })
        .onComplete(ar -> {
          ackedAt.set(k, System.nanoTime());
          if (ar.failed()) {
            failed.set(k, 1);
          }
          acked.countDown();
        });
  }

  /** Waits until every event was acknowledged (or failed), then closes the connections. */
  boolean awaitAcks(long seconds) throws InterruptedException {
    boolean all = acked.await(seconds, TimeUnit.SECONDS);
    for (HttpClient client : clients) {
      client.close();
    }
    return all;
  }

  int first() {
    return first;
  }

  int count() {
    return count;
  }

  long sentAt(int k) {
    return sentAt.get(k);
  }

  /** Zero while not acknowledged yet. */
  long ackedAt(int k) {
    return ackedAt.get(k);
  }

  boolean failed(int k) {
    return failed.get(k) != 0;
  }
}
