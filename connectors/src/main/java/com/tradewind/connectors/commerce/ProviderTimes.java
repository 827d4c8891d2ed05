package com.tradewind.connectors.commerce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Provider date formats: ISO with an offset (17TRACK, AfterShip, Shopify), or a local
 * {@code yyyy-MM-dd HH:mm:ss} in the provider's zone (AliExpress answers in US Pacific time).
 */
public final class ProviderTimes {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ProviderTimes() {}

  /**
   * Parses a time; one without an offset is read in {@code zone}.
   *
   * @return the instant, or null for null/blank input
   * @throws DateTimeParseException if the text is no time at all
   */
  public static Instant parse(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(t).atZone(zone).toInstant();
      } catch (DateTimeParseException notIsoLocal) {
        return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
      }
    }
  }

  /** The calendar day of an ISO date or date-time ({@code 2024-03-01} or {@code 2024-03-01T10:00:00+08:00}). */
  public static LocalDate day(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.length() == 10 ? LocalDate.parse(t) : OffsetDateTime.parse(t).toLocalDate();
  }
}
