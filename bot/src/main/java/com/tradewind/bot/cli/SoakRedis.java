package com.tradewind.bot.cli;

import com.tradewind.bot.cluster.RedisLink;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;

/** Removes a benchmark's keys from a Redis other deployments and test runs may share. */
final class SoakRedis {

  private SoakRedis() {}

  /** Deletes every key under {@code prefix} (SCAN + UNLINK a page at a time); returns how many. */
  static long deleteKeys(Vertx vertx, String url, String prefix) throws Exception {
    RedisLink link = RedisLink.open(vertx, url).await(10, TimeUnit.SECONDS);
    long deleted = 0;
    try {
      String cursor = "0";
      do {
        Response page = link.send(Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(prefix + "*")
            .arg("COUNT").arg(5000)).await(20, TimeUnit.SECONDS);
        cursor = page.get(0).toString();
        if (page.get(1).size() > 0) {
          Request unlink = Request.cmd(Command.UNLINK);
          for (Response key : page.get(1)) {
            unlink.arg(key.toString());
          }
          deleted += link.send(unlink).await(20, TimeUnit.SECONDS).toLong();
        }
      } while (!cursor.equals("0"));
    } finally {
      link.close().await(10, TimeUnit.SECONDS);
    }
    return deleted;
  }
}
