package com.tradewind.bot.understanding;

import java.util.List;
import java.util.Objects;

/**
 * Extracts the order number, tracking number and carrier from a customer message.
 *
 * <p>The message is normalized once (NFKC, native digits to ASCII; see {@link TextNormalizer})
 * so full-width and Arabic-Indic digits, and numbers glued to CJK text, are found. When a message
 * holds several numbers of a kind, the first one wins: customers usually lead with the one they
 * are asking about.
 */
public final class EntityExtractor {

  private final TrackingNumberParser trackingNumbers;
  private final OrderNumberParser orderNumbers;

  /** Default tracking formats and order patterns. */
  public EntityExtractor() {
    this(new TrackingNumberParser());
  }

  private EntityExtractor(TrackingNumberParser trackingNumbers) {
    this(trackingNumbers, new OrderNumberParser(OrderPattern.DEFAULTS, trackingNumbers));
  }

  /**
   * @param trackingNumbers finds tracking numbers
   * @param orderNumbers finds order numbers (it is expected to exclude tracking numbers itself)
   */
  public EntityExtractor(TrackingNumberParser trackingNumbers, OrderNumberParser orderNumbers) {
    this.trackingNumbers = Objects.requireNonNull(trackingNumbers, "trackingNumbers");
    this.orderNumbers = Objects.requireNonNull(orderNumbers, "orderNumbers");
  }

  /**
   * @param message the customer's message; {@code null} gives {@link Entities#NONE}
   * @return the first order number and first tracking number with its carrier, each possibly null
   */
  public Entities extract(String message) {
    String text = TextNormalizer.normalize(message);
    if (text.isBlank()) {
      return Entities.NONE;
    }
    // normalized once and each number kind parsed once: the order parser excludes the tracking
    // numbers its own tracking parser finds, the same ones as ours when it is the same parser
    List<TrackingNumber> allTracking = trackingNumbers.findAllNormalized(text);
    List<TrackingNumber> excluded = orderNumbers.trackingNumbers() == trackingNumbers
        ? allTracking : orderNumbers.trackingNumbers().findAllNormalized(text);
    List<OrderNumber> orders = orderNumbers.findAllNormalized(text, excluded);
    TrackingNumber tracking = allTracking.isEmpty() ? null : allTracking.get(0);
    OrderNumber order = orders.isEmpty() ? null : orders.get(0);
    return new Entities(
        order == null ? null : order.value(),
        tracking == null ? null : tracking.number(),
        tracking == null ? null : tracking.carrier().id());
  }
}
