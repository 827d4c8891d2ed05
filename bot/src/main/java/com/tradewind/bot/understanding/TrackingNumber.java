package com.tradewind.bot.understanding;

import java.util.Objects;

/**
 * A tracking number found in a message.
 *
 * @param number the number in upper case without spaces, e.g. {@code RR123456785CN}
 * @param carrier the carrier the number implies
 * @param format the format it matched
 * @param start index of its first character in the normalized message
 * @param end index after its last character in the normalized message
 */
public record TrackingNumber(String number, Carrier carrier, TrackingFormat format, int start, int end) {

  public TrackingNumber {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(carrier, "carrier");
    Objects.requireNonNull(format, "format");
  }

  /** Whether this number's place in the message overlaps {@code [otherStart, otherEnd)}. */
  public boolean overlaps(int otherStart, int otherEnd) {
    return start < otherEnd && otherStart < end;
  }
}
