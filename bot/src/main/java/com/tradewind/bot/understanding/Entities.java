package com.tradewind.bot.understanding;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a message says about which order or parcel it is about. Any field may be {@code null}.
 *
 * @param orderId the first order number, e.g. {@code "8123456789012345"} or {@code "#1001"}
 * @param trackingNumber the first valid tracking number, upper case, without spaces
 * @param carrier the {@link Carrier#id()} implied by {@code trackingNumber}
 */
public record Entities(String orderId, String trackingNumber, String carrier) {

  /** Nothing found. */
  public static final Entities NONE = new Entities(null, null, null);

  /** Whether nothing was found. */
  public boolean isEmpty() {
    return orderId == null && trackingNumber == null && carrier == null;
  }

  /**
   * The non-null fields under the JSON keys {@code order_id}, {@code tracking_number} and
   * {@code carrier}, in that order; unmodifiable.
   */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    putIfPresent(map, "order_id", orderId);
    putIfPresent(map, "tracking_number", trackingNumber);
    putIfPresent(map, "carrier", carrier);
    return Collections.unmodifiableMap(map);
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }
}
