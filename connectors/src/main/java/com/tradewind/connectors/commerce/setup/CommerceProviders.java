package com.tradewind.connectors.commerce.setup;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.connectors.aftership.AfterShip;
import com.tradewind.connectors.aliexpress.AliExpressClient;
import com.tradewind.connectors.aliexpress.AliExpressCredentials;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderTracking;
import com.tradewind.connectors.commerce.TrackingProvider;
import com.tradewind.connectors.commerce.sample.SampleStore;
import com.tradewind.connectors.http.CachedProviders;
import com.tradewind.connectors.http.HttpPolicy;
import com.tradewind.connectors.http.ProviderHttp;
import com.tradewind.connectors.seventeentrack.SeventeenTrack;
import com.tradewind.connectors.shopify.ShopifyOrders;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The configured providers, each behind a cache. Selected by {@code TRADEWIND_ORDERS_PROVIDER}
 * ({@code sample|aliexpress|shopify}) and {@code TRADEWIND_TRACKING_PROVIDER}
 * ({@code sample|17track|aftership}); both default to {@code sample}.
 *
 * @param sampleOrders whether orders come from the bundled sample store
 * @param orderParcels the store's own tracking of its orders' parcels, used instead of
 *     {@code parcels} for them; null unless the store offers it ({@link OrderTracking}) and no
 *     tracking service is configured (a configured one is the seller's choice and wins)
 */
public record CommerceProviders(CachedProviders.Orders orders, CachedProviders.Parcels parcels, boolean sampleOrders,
    CachedProviders.OrderParcels orderParcels) {

  public static final String ORDERS = "TRADEWIND_ORDERS_PROVIDER";
  public static final String TRACKING = "TRADEWIND_TRACKING_PROVIDER";

  /**
   * @throws IllegalArgumentException naming the variable when a provider is unknown or a selected
   *     provider lacks a secret
   * @throws IOException when the sample file is unreadable
   */
  public static CommerceProviders fromEnv(Vertx vertx, Map<String, String> env, Path sampleFile, Clock clock,
      HttpPolicy policy) throws IOException {
    String orders = choice(env, ORDERS, "sample", "aliexpress", "shopify");
    String tracking = choice(env, TRACKING, "sample", "17track", "aftership");
    SampleStore sample = orders.equals("sample") || tracking.equals("sample") ? new SampleStore(sampleFile, clock) : null;
    OrderProvider orderProvider = switch (orders) {
      case "aliexpress" -> new AliExpressClient(new ProviderHttp(vertx, "aliexpress", policy, clock),
          new AliExpressCredentials(required(env, "ALIEXPRESS_APP_KEY", orders), required(env, "ALIEXPRESS_APP_SECRET",
              orders), required(env, "ALIEXPRESS_ACCESS_TOKEN", orders)),
          url(env, "ALIEXPRESS_API_URL", "https://api-sg.aliexpress.com"), clock);
      case "shopify" -> new ShopifyOrders(new ProviderHttp(vertx, "shopify", policy, clock),
          url(env, "SHOPIFY_SHOP_URL", null), required(env, "SHOPIFY_ACCESS_TOKEN", orders));
      default -> sample;
    };
    TrackingProvider trackingProvider = switch (tracking) {
      case "17track" -> new SeventeenTrack(new ProviderHttp(vertx, "17track", policy, clock),
          url(env, "SEVENTEENTRACK_API_URL", "https://api.17track.net"), required(env, "SEVENTEENTRACK_API_KEY", tracking));
      case "aftership" -> new AfterShip(new ProviderHttp(vertx, "aftership", policy, clock),
          url(env, "AFTERSHIP_API_URL", "https://api.aftership.com"), required(env, "AFTERSHIP_API_KEY", tracking));
      default -> sample;
    };
    Ticker ticker = Ticker.systemTicker();
    CachedProviders.OrderParcels orderParcels = tracking.equals("sample") && orderProvider instanceof OrderTracking own
        ? new CachedProviders.OrderParcels(own, ticker) : null;
    return new CommerceProviders(new CachedProviders.Orders(orderProvider, ticker),
        new CachedProviders.Parcels(trackingProvider, ticker), orders.equals("sample"), orderParcels);
  }

  private static String choice(Map<String, String> env, String name, String... allowed) {
    String value = env.getOrDefault(name, "").strip().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      return allowed[0];
    }
    for (String a : allowed) {
      if (a.equals(value)) {
        return a;
      }
    }
    throw new IllegalArgumentException(name + " must be one of " + String.join("|", allowed) + ", was '" + value + "'");
  }

  private static String required(Map<String, String> env, String name, String provider) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required when the " + provider + " provider is selected");
    }
    return value.strip();
  }

  private static String url(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      if (fallback == null) {
        throw new IllegalArgumentException(name + " is required (e.g. https://my-shop.myshopify.com)");
      }
      return fallback;
    }
    String v = value.strip();
    if (!v.startsWith("https://") && !v.startsWith("http://")) {
      throw new IllegalArgumentException(name + " must be an http(s) URL, was '" + v + "'");
    }
    return v;
  }
}
