package com.tradewind.connectors.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Caches lookups by key: a found value for {@code found}, an empty one (not found) only for
 * {@code notFound}, failures not at all. Concurrent lookups of a key that is being loaded share
 * the one load, so a burst of "where is my order 8123…" costs the provider one call.
 */
public final class LookupCache<V> {

  private final Cache<String, Optional<V>> cache;
  private final ConcurrentHashMap<String, Future<Optional<V>>> inFlight = new ConcurrentHashMap<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder loads = new LongAdder();

  public LookupCache(Duration found, Duration notFound, long maxEntries, Ticker ticker) {
    this.cache = Caffeine.newBuilder()
        .maximumSize(maxEntries)
        .ticker(ticker)
        .expireAfter(new Expiry<String, Optional<V>>() {
          @Override
          public long expireAfterCreate(String key, Optional<V> value, long now) {
            return (value.isPresent() ? found : notFound).toNanos();
          }

          @Override
          public long expireAfterUpdate(String key, Optional<V> value, long now, long current) {
            return expireAfterCreate(key, value, now);
          }

          @Override
          public long expireAfterRead(String key, Optional<V> value, long now, long current) {
            return current;
          }
        })
        .build();
  }

  /** The cached or in-flight value for {@code key}, else the result of {@code load}. */
  public Future<Optional<V>> get(String key, Function<String, Future<Optional<V>>> load) {
    Optional<V> cached = cache.getIfPresent(key);
    if (cached != null) {
      hits.increment();
      return Future.succeededFuture(cached);
    }
    boolean[] started = {false};
    Future<Optional<V>> pending = inFlight.computeIfAbsent(key, k -> {
      started[0] = true;
      return load.apply(k);
    });
    if (started[0]) {
      loads.increment();
      // Failures are not kept: the next question tries the provider again.
      pending.onComplete(ar -> {
        if (ar.succeeded()) {
          cache.put(key, ar.result());
        }
        inFlight.remove(key, pending);
      });
    } else {
      hits.increment();
    }
    return pending;
  }

  /** Share of lookups answered without a new provider call (cached or joined in flight). */
  public double hitRate() {
    long h = hits.sum();
    long total = h + loads.sum();
    return total == 0 ? 0 : (double) h / total;
  }

  public long hits() {
    return hits.sum();
  }

  public long loads() {
    return loads.sum();
  }
}
