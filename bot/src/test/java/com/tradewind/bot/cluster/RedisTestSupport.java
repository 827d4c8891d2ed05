package com.tradewind.bot.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The development Redis at 127.0.0.1:6379, shared with other test runs: every test works under
 * its own key prefix and deletes its keys afterwards.
 */
public final class RedisTestSupport {

  public static final String URL = System.getProperty("tradewind.test.redis", "redis://127.0.0.1:6379");
  private static final boolean REACHABLE = probe();

  private RedisTestSupport() {}

  /**
   * Skips the calling test when no Redis answers, so {@code mvn verify} passes on a machine with
   * only a JDK and Maven; in CI ({@code CI=true}, where .ci/run starts Redis) the test runs and
   * fails instead.
   */
  public static void assumeRedis() {
    org.junit.jupiter.api.Assumptions.assumeTrue(REACHABLE || "true".equals(System.getenv("CI")),
        "no Redis at " + URL + ": start one (redis-server) to run the cluster tests");
  }

  static boolean reachable() {
    return REACHABLE;
  }

  private static boolean probe() {
    java.net.URI uri = java.net.URI.create(URL);
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort()), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  static RedisKeys uniqueKeys() {
    return new RedisKeys("tw-test:" + UUID.randomUUID() + ":");
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.await(20, TimeUnit.SECONDS);
  }

  /** Deletes every key under the prefix (SCAN, so other runs' keys are not touched). */
  static void deleteAll(Vertx vertx, RedisKeys keys) throws Exception {
    if (!REACHABLE) {
      return; // the test was skipped: nothing was written
    }
    RedisLink link = await(RedisLink.open(vertx, URL));
    try {
      String cursor = "0";
      do {
        Response page = await(link.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(keys.prefix() + "*")
            .arg("COUNT").arg(1000)));
        cursor = page.get(0).toString();
        for (Response key : page.get(1)) {
          await(link.send(Request.cmd(Command.DEL).arg(key.toString())));
        }
      } while (!cursor.equals("0"));
    } finally {
      await(link.close());
    }
  }

  static void eventually(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    eventually(condition, what, () -> "");
  }

  static void eventually(java.util.function.BooleanSupplier condition, String what,
      java.util.function.Supplier<String> seen) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what + " " + seen.get());
      }
      Thread.sleep(10);
    }
  }

  /** A TCP proxy in front of Redis that a test can cut and restore, to play an outage. */
  static final class Outage {
    private final Vertx vertx;
    private final int port;
    private NetServer server;
    private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();

    private Outage(Vertx vertx, int port) {
      this.vertx = vertx;
      this.port = port;
    }

    static Outage start(Vertx vertx) throws Exception {
      Outage proxy = new Outage(vertx, 0);
      proxy.listen(0);
      return new Outage(vertx, proxy.server.actualPort()).adopt(proxy);
    }

    private Outage adopt(Outage other) {
      this.server = other.server;
      this.sockets.addAll(other.sockets);
      other.sockets.clear();
      return this;
    }

    int port() {
      return port;
    }

    private void listen(int on) throws Exception {
      server = vertx.createNetServer().connectHandler(client -> {
        client.pause();
        sockets.add(client);
        vertx.createNetClient().connect(6379, "127.0.0.1").onSuccess(upstream -> {
          sockets.add(upstream);
          client.handler(upstream::write);
          upstream.handler(client::write);
          client.closeHandler(v -> upstream.close());
          upstream.closeHandler(v -> client.close());
          client.resume();
        }).onFailure(e -> client.close());
      });
      await(server.listen(on, "127.0.0.1"));
    }

    /** Redis goes away: the port is closed and open connections are cut. */
    void cut() throws Exception {
      await(server.close());
      for (NetSocket s : List.copyOf(sockets)) {
        s.close();
      }
      sockets.clear();
    }

    /** Redis is back on the same port. */
    void restore() throws Exception {
      listen(port);
    }
  }
}
