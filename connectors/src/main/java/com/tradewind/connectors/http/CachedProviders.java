package com.tradewind.connectors.http;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderTracking;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingProvider;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Order and tracking providers behind {@link LookupCache}s (orders ~1 min, parcels ~10 min,
 * unknown 15 s).
 */
public final class CachedProviders {

  public static final Duration ORDER_TTL = Duration.ofMinutes(1);
  public static final Duration TRACKING_TTL = Duration.ofMinutes(10);
  public static final Duration NOT_FOUND_TTL = Duration.ofSeconds(15);

  private CachedProviders() {}

  /** A caching order provider; the cache is exposed for its hit rate. */
  public static final class Orders implements OrderProvider {
    private final OrderProvider provider;
    private final LookupCache<Order> cache;

    public Orders(OrderProvider provider, Ticker ticker) {
      this.provider = provider;
      this.cache = new LookupCache<>(ORDER_TTL, NOT_FOUND_TTL, 100_000, ticker);
    }

    @Override
    public String name() {
      return provider.name();
    }

    @Override
    public Future<Optional<Order>> order(String id) {
      return cache.get(id.strip(), provider::order);
    }

    public LookupCache<Order> cache() {
      return cache;
    }
  }

  /** A caching tracking provider. */
  public static final class Parcels implements TrackingProvider {
    private final TrackingProvider provider;
    private final LookupCache<Tracking> cache;

    public Parcels(TrackingProvider provider, Ticker ticker) {
      this.provider = provider;
      this.cache = new LookupCache<>(TRACKING_TTL, NOT_FOUND_TTL, 100_000, ticker);
    }

    @Override
    public String name() {
      return provider.name();
    }

    @Override
    public Future<Optional<Tracking>> tracking(String number) {
      return cache.get(number.strip().toUpperCase(Locale.ROOT), provider::tracking);
    }

    public LookupCache<Tracking> cache() {
      return cache;
    }
  }

  /** A store's own parcel tracking, cached like {@link Parcels}, per order and tracking number. */
  public static final class OrderParcels implements OrderTracking {
    private final OrderTracking provider;
    private final LookupCache<Tracking> cache;

    public OrderParcels(OrderTracking provider, Ticker ticker) {
      this.provider = provider;
      this.cache = new LookupCache<>(TRACKING_TTL, NOT_FOUND_TTL, 100_000, ticker);
    }

    @Override
    public String name() {
      return provider.name();
    }

    @Override
    public Future<Optional<Tracking>> tracking(Order order, Shipment shipment) {
      // The store answers for this order's parcel, so the order is part of the key.
      String key = order.id() + "/" + shipment.trackingNumber().strip().toUpperCase(Locale.ROOT);
      return cache.get(key, k -> provider.tracking(order, shipment));
    }

    public LookupCache<Tracking> cache() {
      return cache;
    }
  }
}
