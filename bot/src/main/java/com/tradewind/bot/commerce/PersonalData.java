package com.tradewind.bot.commerce;

import com.tradewind.connectors.commerce.Address;

/**
 * What a reply may show of a buyer: enough for the buyer to recognise the order (first name,
 * city, country, the start of the postal code, the phone's last four digits), not enough for
 * someone reading over a shoulder or a forwarded chat to learn the address.
 */
public final class PersonalData {

  private PersonalData() {}

  /** {@code Ana García, Calle Mayor 12, Madrid 28013, ES} → {@code Ana G., •••, Madrid 28•••, ES}. */
  public static String maskedAddress(Address a) {
    if (a == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    if (a.name() != null && !a.name().isBlank()) {
      String[] parts = a.name().strip().split("\\s+");
      out.append(parts[0]);
      if (parts.length > 1) {
        out.append(' ').appendCodePoint(parts[parts.length - 1].codePointAt(0)).append('.');
      }
      out.append(", ");
    }
    out.append("•••");
    if (a.city() != null) {
      out.append(", ").append(a.city());
    }
    if (a.postalCode() != null && a.postalCode().length() > 2) {
      out.append(' ').append(a.postalCode(), 0, 2).append("•••");
    }
    if (a.country() != null) {
      out.append(", ").append(a.country());
    }
    return out.toString();
  }
}
