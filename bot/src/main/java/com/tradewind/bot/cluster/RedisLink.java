package com.tradewind.bot.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process's connection pool to Redis, with a timeout on every command and a reachability
 * flag kept by a PING loop: every second while Redis answers, backing off to every 5 seconds
 * while it does not. Commands fail fast while Redis is known to be down, so a webhook can answer
 * 503 at once instead of waiting for a connect timeout; the pool reconnects by itself.
 */
public final class RedisLink {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
  private static final long COMMAND_TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final Redis client;
  private final String where;
  private volatile boolean reachable;
  private volatile boolean closed;
  private boolean pinged;
  private long pingDelay = 1_000;
  private long timer = -1;

  private RedisLink(Vertx vertx, Redis client, String where) {
    this.vertx = vertx;
    this.client = client;
    this.where = where;
  }

  /**
   * A link to the Redis at {@code url} ({@code redis://host:port/db}); the future completes after
   * the first PING, whatever its result, so {@link #reachable()} is meaningful from the start.
   */
  public static Future<RedisLink> open(Vertx vertx, String url) {
    RedisOptions options = new RedisOptions().setConnectionString(url).setMaxPoolSize(24).setMaxPoolWaiting(512)
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(2_000).setTcpKeepAlive(true));
    RedisLink link = new RedisLink(vertx, Redis.createClient(vertx, options), redact(url));
    return link.ping(5_000).map(link);
  }

  /** The URL without its password, for logs and errors. */
  static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }

  private Future<Void> ping(long timeoutMs) {
    return client.send(Request.cmd(Command.PING)).timeout(timeoutMs, TimeUnit.MILLISECONDS).transform(ar -> {
      boolean up = ar.succeeded();
      if ((up != reachable || !up && !pinged) && !closed) {
        if (up) {
          LOG.info("Redis at {} is reachable", where);
        } else {
          LOG.error("Redis at {} is unreachable: {}", where, ar.cause().toString());
        }
      }
      reachable = up;
      pinged = true;
      pingDelay = up ? 1_000 : Math.min(pingDelay * 2, 5_000);
      if (!closed) {
        timer = vertx.setTimer(pingDelay, t -> ping(3_000));
      }
      return Future.succeededFuture();
    });
  }

  /** Sends one command; fails at once while Redis is unreachable, and after 5 s otherwise. */
  public Future<Response> send(Request request) {
    if (!reachable) {
      return Future.failedFuture(new RedisUnavailableException("Redis at " + where + " is unreachable"));
    }
    return sendAnyway(request, COMMAND_TIMEOUT_MS);
  }

  /** Sends even while Redis is believed down (the reader's retries), with a chosen timeout. */
  Future<Response> sendAnyway(Request request, long timeoutMs) {
    return client.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS).recover(e -> {
      if (!(e instanceof Response)) {
        reachable = false; // not an error reply of Redis itself: the connection is in doubt until the next PING
      }
      return Future.failedFuture(e);
    });
  }

  /** True while the last PING (or command) reached Redis; {@code /health/ready} reports it. */
  public boolean reachable() {
    return reachable && !closed;
  }

  public String where() {
    return where;
  }

  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(timer);
    return client.close();
  }
}
