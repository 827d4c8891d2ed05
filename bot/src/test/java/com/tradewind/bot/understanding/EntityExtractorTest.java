package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole messages as customers write them. Tracking numbers are published test vectors (see
 * {@link TrackingNumberParserTest}); order numbers are made up unless noted.
 */
class EntityExtractorTest {

  private final EntityExtractor extractor = new EntityExtractor();

  private void assertEntities(String message, String order, String tracking, String carrier) {
    assertEquals(new Entities(order, tracking, carrier), extractor.extract(message), message);
  }

  @Test
  void spanish() {
    assertEntities("Hola, mi pedido 8123456789012345 no ha llegado. El número de seguimiento es LP00068434402473.",
        "8123456789012345", "LP00068434402473", "cainiao");
    assertEntities("Pedido nº8199633578334590, envío DHL 3318810025", "8199633578334590", "3318810025", "dhl");
  }

  @Test
  void chinese() {
    assertEntities("我的订单8123456789012345到哪了", "8123456789012345", null, null);
    assertEntities("运单号：RR123456785CN，订单号：8123456789012345。", "8123456789012345", "RR123456785CN", "china-post");
    assertEntities("联邦快递单号790535312317还没到", null, "790535312317", "fedex");
  }

  @Test
  void russian() {
    assertEntities("Здравствуйте! Заказ №8199633578334590, трек-номер RB123456785US не отслеживается.",
        "8199633578334590", "RB123456785US", "usps");
    assertEntities("Мой телефон +7 912 345 67 89, посылка ДХЛ не пришла", null, null, null);
  }

  @Test
  void arabicWithNativeDigitsAndBidiMarks() {
    assertEntities("مرحبا، أين طلبي رقم ٨١٢٣٤٥٦٧٨٩٠١٢٣٤٥؟ رقم التتبع \u200fRR123456785CN\u200f",
        "8123456789012345", "RR123456785CN", "china-post");
    assertEntities("رقم الطلب \u200e8123456789\u200e012345", "8123456789012345", null, null);
  }

  @Test
  void japaneseFullWidth() {
    assertEntities("注文番号：８１２３４５６７８９０１２３４５、追跡番号はＥＥ４７１１０８１５１ＦＲです",
        "8123456789012345", "EE471108151FR", "la-poste");
    assertEntities("日本郵便のＲＲ１２３４５６７８５ＪＰが届きません", null, "RR123456785JP", "japan-post");
  }

  @Test
  void englishShopifyAndUps() {
    assertEntities("Where is order #1001? UPS says 1Z 591580 68 55587736", "#1001", "1Z5915806855587736", "ups");
  }

  @Test
  void firstOfEachKindWins() {
    assertEntities("orders 8123456789012345 and 8123456789012399, parcels RR123456785CN and 1Z5R89390357567127",
        "8123456789012345", "RR123456785CN", "china-post");
    assertEntities("1Z5R89390357567127 RR123456785CN #1001 #1002", "#1001", "1Z5R89390357567127", "ups");
  }

  @Test
  void trackingNumbersAreNotMistakenForOrders() {
    assertEntities("YunExpress YT2229521272164446", null, "YT2229521272164446", "yunexpress");
    assertEntities("YT 2229521272164446", null, "YT2229521272164446", "yunexpress");
    assertEntities("LP00071653567725 / 8123456789012345", "8123456789012345", "LP00071653567725", "cainiao");
  }

  @Test
  void anS10WithAWrongCheckDigitIsNeitherTrackingNorOrder() {
    assertEntities("tracking RR123456786CN please", null, null, null);
    assertEntities("seguimiento RB123456786US, pedido 8123456789012345", "8123456789012345", null, null);
  }

  @Test
  void phoneNumbersAreNotOrdersNorDhlWaybills() {
    assertEntities("call me on 3318810025", null, null, null);              // valid mod 7, but no DHL
    assertEntities("my number is 13800138000", null, null, null);            // 11-digit mobile
    assertEntities("DHL courier: call +49 3318810025", null, null, null);    // dialling prefix
    assertEntities("DHL, звоните 89123456789", null, null, null);           // 11 digits is no waybill
  }

  @Test
  void dhlAndFedExNeedTheirNameInTheMessage() {
    assertEntities("dhl 3318810025", null, "3318810025", "dhl");
    assertEntities("fedex 986578788855", null, "986578788855", "fedex");
    assertEntities("ref 986578788855", null, null, null);
  }

  @Test
  void toMapHasOnlyTheKeysFound() {
    assertEquals(Map.of(), Entities.NONE.toMap());
    assertEquals(Map.of("order_id", "#1001"), new Entities("#1001", null, null).toMap());
    Map<String, String> all = new Entities("8123456789012345", "RR123456785CN", "china-post").toMap();
    assertEquals(List.of("order_id", "tracking_number", "carrier"), List.copyOf(all.keySet()));
    assertEquals("RR123456785CN", all.get("tracking_number"));
    assertThrows(UnsupportedOperationException.class, () -> all.put("x", "y"));
  }

  @Test
  void emptyMessagesGiveNothing() {
    assertSame(Entities.NONE, extractor.extract(null));
    assertSame(Entities.NONE, extractor.extract("  "));
    assertTrue(extractor.extract("hello, where is my parcel?").isEmpty());
  }

  @Test
  void carrierIdsResolve() {
    assertEquals(Carrier.CHINA_POST, Carrier.fromId("china-post"));
    assertEquals("postal-cz", Carrier.fromId("postal-cz").id());
    assertEquals("Czechia postal service", Carrier.forS10Country("cz").displayName());
    assertEquals(null, Carrier.fromId("nope"));
    assertEquals(19, Carrier.KNOWN.size());
  }
}
