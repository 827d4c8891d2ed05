package com.tradewind.bot.understanding;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named order-number shape. The value reported is the regex's named group {@code id} if it has
 * one, otherwise the whole match, as written (no case change).
 *
 * @param name short name, e.g. {@code "aliexpress"}; reported with each match
 * @param regex the pattern, matched with {@code find()} against the normalized message
 */
public record OrderPattern(String name, Pattern regex) {

  /**
   * AliExpress-style: 15 to 20 digits that are not part of a longer run of digits or of a Latin
   * alphanumeric token (so the digits of {@code YT2229521272164446} are not an order). CJK or
   * Cyrillic text may touch it: {@code 我的订单8123456789012345到哪了}.
   */
  public static final OrderPattern ALIEXPRESS =
      of("aliexpress", "(?<![0-9A-Za-z])[0-9]{15,20}(?![0-9A-Za-z])");

  /** Shopify-style: {@code #} and 3 to 10 digits, reported with the {@code #}. */
  public static final OrderPattern SHOPIFY = of("shopify", "#[0-9]{3,10}(?![0-9A-Za-z])");

  /** The patterns used when configuration names none. */
  public static final List<OrderPattern> DEFAULTS = List.of(ALIEXPRESS, SHOPIFY);

  public OrderPattern {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(regex, "regex");
  }

  /**
   * Compiles a pattern, e.g. from configuration.
   *
   * @throws java.util.regex.PatternSyntaxException if the regex is invalid
   */
  public static OrderPattern of(String name, String regex) {
    return new OrderPattern(name, Pattern.compile(regex));
  }

  /** Whether the value is the {@code id} group rather than the whole match. */
  boolean hasIdGroup() {
    return regex.namedGroups().containsKey("id");
  }
}
