package com.tradewind.connectors.commerce;

import java.util.Locale;

/** An order's state in the platform-neutral vocabulary the bot answers in. */
public enum OrderStatus {
  AWAITING_PAYMENT, AWAITING_SHIPMENT, PARTLY_SHIPPED, SHIPPED, DELIVERED, IN_DISPUTE, FROZEN, CANCELLED, REFUNDED,
  /** A provider value we do not know yet; the raw value is kept on the order. */
  UNKNOWN;

  /** The lower-case key used in reply texts and JSON, e.g. {@code awaiting_payment}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether nothing more will happen to the parcel, so a delivery promise no longer matters. */
  public boolean settled() {
    return this == DELIVERED || this == CANCELLED || this == REFUNDED;
  }

  /** Parses a key as written in the sample store ({@code in_dispute}). */
  public static OrderStatus ofKey(String key) {
    return valueOf(key.strip().toUpperCase(Locale.ROOT));
  }
}
