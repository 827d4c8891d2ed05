package com.tradewind.bot.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Finds order numbers in free text using a list of {@link OrderPattern}s, so a shop can add its
 * own numbering through configuration.
 *
 * <p>Anything that is a valid tracking number is not an order number: a candidate overlapping a
 * number found by the {@link TrackingNumberParser} is dropped, because customers paste both and
 * the tracking formats are the ones with check digits.
 */
public final class OrderNumberParser {

  private static final Comparator<OrderNumber> BY_POSITION_LONGEST_FIRST =
      Comparator.comparingInt(OrderNumber::start).thenComparingInt(o -> -(o.end() - o.start()));

  private final List<OrderPattern> patterns;
  private final TrackingNumberParser trackingNumbers;

  /** The {@linkplain OrderPattern#DEFAULTS default} AliExpress and Shopify patterns. */
  public OrderNumberParser() {
    this(OrderPattern.DEFAULTS);
  }

  /** The given patterns, excluding tracking numbers found by a default tracking parser. */
  public OrderNumberParser(List<OrderPattern> patterns) {
    this(patterns, new TrackingNumberParser());
  }

  /**
   * @param patterns the order shapes, tried together; the earliest match in the text wins
   * @param trackingNumbers finds the numbers that must not be taken as orders
   */
  public OrderNumberParser(List<OrderPattern> patterns, TrackingNumberParser trackingNumbers) {
    this.patterns = List.copyOf(patterns);
    this.trackingNumbers = Objects.requireNonNull(trackingNumbers, "trackingNumbers");
  }

  /**
   * All order numbers in the message, in order of appearance, without overlaps (at one position
   * the longest match wins).
   *
   * @param text the raw message; {@code null} is treated as empty
   * @return the order numbers; positions refer to the normalized message
   */
  public List<OrderNumber> findAll(String text) {
    String normalized = TextNormalizer.normalize(text);
    return findAllNormalized(normalized, trackingNumbers.findAllNormalized(normalized));
  }

  /**
   * {@link #findAll} of a text {@linkplain TextNormalizer#normalize already normalized}, whose
   * tracking numbers the caller has found already (with this parser's {@link TrackingNumberParser}).
   */
  List<OrderNumber> findAllNormalized(String normalized, List<TrackingNumber> tracking) {
    List<OrderNumber> candidates = new ArrayList<>();
    for (OrderPattern pattern : patterns) {
      Matcher m = pattern.regex().matcher(normalized);
      boolean byGroup = pattern.hasIdGroup();
      while (m.find()) {
        int start = byGroup ? m.start("id") : m.start();
        int end = byGroup ? m.end("id") : m.end();
        if (start >= 0 && start < end && tracking.stream().noneMatch(t -> t.overlaps(start, end))) {
          candidates.add(new OrderNumber(normalized.substring(start, end), pattern.name(), start, end));
        }
      }
    }
    candidates.sort(BY_POSITION_LONGEST_FIRST);
    List<OrderNumber> kept = new ArrayList<>();
    int taken = 0;
    for (OrderNumber candidate : candidates) {
      if (candidate.start() >= taken) {
        kept.add(candidate);
        taken = candidate.end();
      }
    }
    return List.copyOf(kept);
  }

  /** The parser whose numbers are not orders. */
  TrackingNumberParser trackingNumbers() {
    return trackingNumbers;
  }

  /** The first order number in the message, if any. */
  public Optional<OrderNumber> findFirst(String text) {
    return findAll(text).stream().findFirst();
  }
}
