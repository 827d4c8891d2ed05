package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Default and configured order patterns. {@code 8199633578334590} is an AliExpress order number
 * quoted in github.com/yohaybn/HA_aliexpress_package_tracker_sensor issue #8; the others are made up.
 */
class OrderNumberParserTest {

  private final OrderNumberParser parser = new OrderNumberParser();

  private List<String> values(String text) {
    return parser.findAll(text).stream().map(OrderNumber::value).toList();
  }

  @ParameterizedTest
  @CsvSource({
      "order 8199633578334590 not arrived, 8199633578334590",
      "order 812345678901234, 812345678901234",             // 15 digits
      "order 81234567890123456789, 81234567890123456789",   // 20 digits
      "我的订单8123456789012345到哪了, 8123456789012345",     // glued to CJK
      "заказ8123456789012345, 8123456789012345",            // glued to Cyrillic
      "'order: 8123456789012345.', 8123456789012345",
      "order #8123456789012345, 8123456789012345",          // too long for Shopify, still AliExpress
  })
  void aliExpressOrderNumbersAreFound(String text, String order) {
    assertEquals(List.of(order), values(text));
    assertEquals("aliexpress", parser.findFirst(text).orElseThrow().patternName());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "81234567890123",           // 14 digits
      "812345678901234567890",    // 21 digits: part of a longer run
      "13800138000",              // Chinese mobile
      "+86 138 0013 8000",
      "0301234567",               // 10-digit landline
      "+7 912 345-67-89",
      "ABC8123456789012345",      // glued to a Latin token
      "8123456789012345XYZ",
      "8123 4567 8901 2345",      // spaced: not digits-only
  })
  void otherDigitStringsAreNotAliExpressOrders(String text) {
    assertEquals(List.of(), values(text));
  }

  @ParameterizedTest
  @CsvSource({
      "'Where is order #1001?', #1001",
      "order#123, #123",
      "'#1234567890 please', #1234567890",
      "注文＃１００２です, #1002",            // full-width # and digits
      "Заказ №1003, #1003",                 // the numero sign is a #
  })
  void shopifyOrderNumbersKeepTheHash(String text, String order) {
    assertEquals(List.of(order), values(text));
    assertEquals("shopify", parser.findFirst(text).orElseThrow().patternName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"#12", "#12345678901", "#1001a", "# 1001", "issue 1001"})
  void otherHashNumbersAreNotShopifyOrders(String text) {
    assertEquals(List.of(), values(text));
  }

  @Test
  void trackingNumbersAreNotOrders() {
    assertEquals(List.of(), values("YT2229521272164446"));    // 16 digits inside a tracking number
    assertEquals(List.of(), values("YT 2229521272164446"));   // ... even when spaced off
    assertEquals(List.of(), values("LP00068434402473"));
    assertEquals(List.of("8123456789012345"), values("YT 2229521272164446 order 8123456789012345"));
  }

  @Test
  void severalOrdersComeInTextOrder() {
    assertEquals(List.of("#1001", "8123456789012345", "#1002"),
        values("#1001, 8123456789012345 and #1002"));
    assertEquals("#1001", parser.findFirst("#1001, 8123456789012345").orElseThrow().value());
  }

  @Test
  void nativeDigitsAreNormalized() {
    assertEquals(List.of("8123456789012345"), values("طلبي ٨١٢٣٤٥٦٧٨٩٠١٢٣٤٥"));
    assertEquals(List.of("8123456789012345"), values("注文番号８１２３４５６７８９０１２３４５"));
  }

  @Test
  void configuredPatternsReplaceTheDefaultsAndMayNameTheIdGroup() {
    OrderNumberParser custom = new OrderNumberParser(List.of(
        OrderPattern.of("temu", "(?i)\\bPO-(?<id>[0-9]{3}-[0-9]{8}-[0-9]{5})\\b"),
        OrderPattern.of("shop", "(?<![A-Z0-9])TW[0-9]{6}(?![0-9])")));
    List<OrderNumber> found = custom.findAll("po-211-12345678-12345 / TW123456 / 8123456789012345");
    assertEquals(List.of("211-12345678-12345", "TW123456"), found.stream().map(OrderNumber::value).toList());
    assertEquals(List.of("temu", "shop"), found.stream().map(OrderNumber::patternName).toList());
    assertEquals(3, found.get(0).start());
  }

  @Test
  void defaultsAreAliExpressAndShopify() {
    assertEquals(List.of("aliexpress", "shopify"), OrderPattern.DEFAULTS.stream().map(OrderPattern::name).toList());
  }

  @Test
  void anInvalidConfiguredRegexFailsEarly() {
    assertThrows(PatternSyntaxException.class, () -> OrderPattern.of("broken", "([0-9]"));
  }
}
