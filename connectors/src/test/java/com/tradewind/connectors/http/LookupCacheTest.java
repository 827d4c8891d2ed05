package com.tradewind.connectors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LookupCacheTest {

  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final LookupCache<String> cache = new LookupCache<>(Duration.ofMinutes(1), Duration.ofSeconds(15), 100,
      ticker);

  @Test
  void concurrentLookupsOfOneKeyShareOneLoad() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Promise<Optional<String>> slow = Promise.promise();
    List<Future<Optional<String>>> all = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      all.add(cache.get("k", k -> {
        calls.incrementAndGet();
        return slow.future();
      }));
    }
    slow.complete(Optional.of("v"));
    for (Future<Optional<String>> f : all) {
      assertEquals("v", f.await(1, TimeUnit.SECONDS).orElseThrow());
    }
    assertEquals(1, calls.get());
    assertEquals(0.9, cache.hitRate(), 1e-9);
  }

  @Test
  void foundValuesLiveLongerThanNotFound() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    cache.get("found", k -> { calls.incrementAndGet(); return Future.succeededFuture(Optional.of("v")); })
        .await(1, TimeUnit.SECONDS);
    cache.get("missing", k -> { calls.incrementAndGet(); return Future.succeededFuture(Optional.empty()); })
        .await(1, TimeUnit.SECONDS);
    nanos.addAndGet(Duration.ofSeconds(20).toNanos());
    cache.get("found", k -> { calls.incrementAndGet(); return Future.succeededFuture(Optional.of("v2")); })
        .await(1, TimeUnit.SECONDS);
    assertTrue(cache.get("missing", k -> { calls.incrementAndGet(); return Future.succeededFuture(Optional.empty()); })
        .await(1, TimeUnit.SECONDS).isEmpty());
    assertEquals(3, calls.get(), "the not-found entry expired after 15 s, the found one did not");
    nanos.addAndGet(Duration.ofMinutes(1).toNanos());
    assertEquals("v3", cache.get("found", k -> Future.succeededFuture(Optional.of("v3"))).await(1, TimeUnit.SECONDS)
        .orElseThrow());
  }

  @Test
  void failuresAreNotCached() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    Future<Optional<String>> failed = cache.get("k", k -> {
      calls.incrementAndGet();
      return Future.failedFuture(new IllegalStateException("down"));
    });
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> failed.await(1, TimeUnit.SECONDS));
    assertEquals("v", cache.get("k", k -> {
      calls.incrementAndGet();
      return Future.succeededFuture(Optional.of("v"));
    }).await(1, TimeUnit.SECONDS).orElseThrow());
    assertEquals(2, calls.get());
  }
}
