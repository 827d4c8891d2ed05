package com.tradewind.bot.insight;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-mode store: every node appends to one PostgreSQL table and follows what the other
 * nodes append (polling by id), so each node's dashboard shows the whole cluster's history a few
 * seconds late at most. Records are JSONB, the same objects as in the JSON-lines journal.
 */
public final class PostgresJournal implements InsightJournal {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresJournal.class);
  static final String TABLE = "tradewind_insight";
  private final String table;
  private static final int PAGE = 1000;
  private static final long FOLLOW_MS = 2000;
  private static final long TIMEOUT_S = 30;

  private final Vertx vertx;
  private final Pool pool;
  private final String node = UUID.randomUUID().toString();
  private volatile long lastId;
  private long timer = -1;
  private boolean polling;

  /** @param uri e.g. {@code postgresql://user@127.0.0.1:5432/tradewind} */
  public PostgresJournal(Vertx vertx, String uri) {
    this(vertx, uri, TABLE);
  }

  PostgresJournal(Vertx vertx, String uri, String table) {
    this.vertx = vertx;
    this.table = table;
    PgConnectOptions connect = PgConnectOptions.fromUri(uri).setReconnectAttempts(2).setReconnectInterval(500);
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4)).connectingTo(connect).using(vertx).build();
  }

  /** Creates the table when missing. */
  public Future<Void> init() {
    return pool.query("CREATE TABLE IF NOT EXISTS " + table + " (id BIGSERIAL PRIMARY KEY, node TEXT NOT NULL, "
        + "at TIMESTAMPTZ NOT NULL DEFAULT now(), record JSONB NOT NULL)").execute().mapEmpty();
  }

  @Override
  public Future<Void> append(JsonObject record) {
    return pool.preparedQuery("INSERT INTO " + table + " (node, record) VALUES ($1, $2)")
        .execute(Tuple.of(node, record)).mapEmpty();
  }

  @Override
  public void replay(Consumer<JsonObject> sink) throws IOException {
    try {
      while (true) {
        int read = page(lastId, null, sink).toCompletionStage().toCompletableFuture().get(TIMEOUT_S, TimeUnit.SECONDS);
        if (read < PAGE) {
          return;
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("reading the insight table: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted reading the insight table", e);
    }
  }

  /** Reads records after {@code after} (written by other nodes only when {@code skipNode} is set); returns how many. */
  private Future<Integer> page(long after, String skipNode, Consumer<JsonObject> sink) {
    String sql = "SELECT id, node, record FROM " + table + " WHERE id > $1 ORDER BY id LIMIT " + PAGE;
    return pool.preparedQuery(sql).execute(Tuple.of(after)).map(rows -> {
      int n = 0;
      for (Row row : rows) {
        lastId = Math.max(lastId, row.getLong("id"));
        n++;
        if (skipNode == null || !skipNode.equals(row.getString("node"))) {
          sink.accept((JsonObject) row.getValue("record"));
        }
      }
      return n;
    });
  }

  @Override
  public void follow(Consumer<JsonObject> sink) {
    timer = vertx.setPeriodic(FOLLOW_MS, id -> {
      if (polling) {
        return;
      }
      polling = true;
      page(lastId, node, sink).onComplete(ar -> {
        polling = false;
        if (ar.failed()) {
          LOG.warn("following the insight table: {}", ar.cause().toString());
        }
      });
    });
  }

  @Override
  public Future<Void> close() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return pool.close();
  }
}
