package com.tradewind.bot.understanding;

import java.util.Objects;

/**
 * An order number found in a message.
 *
 * @param value the order number, e.g. {@code 8123456789012345} or {@code #1001}
 * @param patternName the {@link OrderPattern#name()} that matched
 * @param start index of the match in the normalized message
 * @param end index after the match in the normalized message
 */
public record OrderNumber(String value, String patternName, int start, int end) {

  public OrderNumber {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(patternName, "patternName");
  }
}
