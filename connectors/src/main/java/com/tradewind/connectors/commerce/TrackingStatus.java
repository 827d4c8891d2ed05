package com.tradewind.connectors.commerce;

import java.util.Locale;

/** A parcel's state, the same for every tracking service. */
public enum TrackingStatus {
  NOT_FOUND, INFO_RECEIVED, IN_TRANSIT, OUT_FOR_DELIVERY, AVAILABLE_FOR_PICKUP, DELIVERY_FAILED, DELIVERED, EXCEPTION,
  EXPIRED;

  /** The lower-case key used in reply texts, e.g. {@code out_for_delivery}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a key as written in the sample store. */
  public static TrackingStatus ofKey(String key) {
    return valueOf(key.strip().toUpperCase(Locale.ROOT));
  }
}
