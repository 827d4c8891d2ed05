package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Check digits and carriers. Vectors are published ones where a source exists:
 * <ul>
 *   <li>[jkeen] github.com/jkeen/tracking_number_data, couriers/{s10,ups,dhl,fedex,yunexpress}.json
 *       {@code test_numbers};</li>
 *   <li>[s10npm] npm package {@code s10} 1.0.0, README and index.test.js;</li>
 *   <li>[bwipp] github.com/bwipp/postscriptbarcode wiki, UPU S10 page;</li>
 *   <li>[perl] CPAN Algorithm::CheckDigits::M10_011 (UPS) synopsis;</li>
 *   <li>[jcomo] github.com/jcomo/tracking-numbers tests/test_edge_cases.py;</li>
 *   <li>[fedexdoc] FedEx documentation test numbers quoted in a python packagetrack fork;</li>
 *   <li>[geartrack] github.com/hdnpt/geartrack issue #10 (real Cainiao numbers).</li>
 * </ul>
 * Numbers marked "altered" are published valid numbers with one digit changed.
 */
class TrackingNumberParserTest {

  private final TrackingNumberParser parser = new TrackingNumberParser();

  private TrackingNumber only(String text) {
    List<TrackingNumber> found = parser.findAll(text);
    assertEquals(1, found.size(), () -> "expected one tracking number in <" + text + ">, got " + found);
    return found.get(0);
  }

  private void none(String text) {
    assertEquals(List.of(), parser.findAll(text), () -> "expected no tracking number in <" + text + ">");
  }

  // --- UPU S10 ---

  @ParameterizedTest
  @CsvSource({
      "RB123456785GB, RB123456785GB, royal-mail",   // jkeen
      "RB123456785US, RB123456785US, usps",         // jkeen
      "RB123456785CV, RB123456785CV, postal-cv",    // jkeen
      "' R B 1 2 3 4 5 6 7 8 5 C F ', RB123456785CF, postal-cf", // jkeen, spaced
      "EB000717595HK, EB000717595HK, postal-hk",    // s10npm
      "EB000717618HK, EB000717618HK, postal-hk",    // s10npm
      "EE471108151FR, EE471108151FR, la-poste",     // bwipp
      "rr123456785cn, RR123456785CN, china-post",   // jkeen serial, lower case
  })
  void validS10NumbersAreFoundWithTheirPostalOperator(String text, String number, String carrier) {
    TrackingNumber found = only(text);
    assertEquals(number, found.number());
    assertEquals(carrier, found.carrier().id());
    assertEquals(TrackingFormat.S10, found.format());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "RB123456786US",  // jkeen: wrong check digit
      "RB123456785XX",  // jkeen: XX is no country
      "EB000717594HK",  // s10npm: wrong check digit
      "EB000717535HK",  // s10npm: transposed serial
      "EB900717618HK",  // s10npm: altered serial
      "RR123456784CN",  // altered check digit
  })
  void s10NumbersWithAWrongCheckDigitOrCountryAreRejected(String text) {
    none("my parcel " + text + " please");
  }

  @ParameterizedTest
  @CsvSource({
      "CN, china-post", "US, usps", "GB, royal-mail", "DE, deutsche-post", "FR, la-poste",
      "ES, correos", "RU, russian-post", "BR, correios", "IT, poste-italiane", "PL, poczta-polska",
      "TR, ptt", "UA, ukrposhta", "JP, japan-post", "KR, korea-post", "CZ, postal-cz", "HK, postal-hk",
  })
  void s10CountryCodeChoosesTheCarrier(String country, String carrier) {
    // The check digit covers only the serial, so one published serial serves every country.
    assertEquals(carrier, only("RB123456785" + country).carrier().id());
  }

  @Test
  void s10CheckDigitFollowsTheUpuRule() {
    assertEquals(1, CheckDigits.s10CheckDigit("00071758")); // s10npm
    assertEquals(0, CheckDigits.s10CheckDigit("96633102")); // s10npm: 11 - r = 10 gives 0
    assertEquals(8, CheckDigits.s10CheckDigit("76129403")); // s10npm
    assertEquals(8, CheckDigits.s10CheckDigit("00071761")); // s10npm README
    assertEquals(5, CheckDigits.s10CheckDigit("00000000")); // sum 0: 11 - 0 = 11 gives 5
  }

  // --- UPS ---

  @ParameterizedTest
  @CsvSource({
      "1Z5R89390357567127, 1Z5R89390357567127",      // jkeen
      "1Z879E930346834440, 1Z879E930346834440",      // jkeen
      "1Z410E7W0392751591, 1Z410E7W0392751591",      // jkeen
      "1Z8V92A70367203024, 1Z8V92A70367203024",      // jkeen
      "1Z88ER026722447030, 1Z88ER026722447030",      // jcomo
      "'1Z 591580 68 55587736', 1Z5915806855587736", // perl, as printed on labels
      "1z5r89390357567127, 1Z5R89390357567127",      // jkeen, lower case
  })
  void validUpsNumbersAreFound(String text, String number) {
    TrackingNumber found = only("UPS: " + text + ".");
    assertEquals(number, found.number());
    assertEquals(Carrier.UPS, found.carrier());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1Z1111111111111111",  // jkeen
      "1Z5R89390357567128",  // altered check digit
      "1Z879E930346834441",  // altered check digit
      "1Z5R8939035756712A",  // check position must be a digit
  })
  void upsNumbersWithAWrongCheckDigitAreRejected(String number) {
    none("UPS " + number);
  }

  @Test
  void upsCheckDigitMapsLettersAndDoublesEvenPositions() {
    assertEquals(6, CheckDigits.upsCheckDigit("591580685558773")); // perl
    assertEquals(7, CheckDigits.upsCheckDigit("5R8939035756712")); // jkeen, letter R
  }

  // --- DHL Express ---

  @ParameterizedTest
  @ValueSource(strings = {"3318810025", "8487135506", "1099255990", "3821724944", "3318810036", "3318810014"}) // jkeen
  void validDhlWaybillsAreFoundWhenDhlIsNamed(String number) {
    TrackingNumber found = only("DHL waybill " + number);
    assertEquals(number, found.number());
    assertEquals(Carrier.DHL, found.carrier());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3318810010", "3318810034", "3318810011"}) // jkeen
  void dhlWaybillsWithAWrongCheckDigitAreRejected(String number) {
    none("DHL waybill " + number);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3318810025", "8487135506"})
  void aValidTenDigitNumberIsNotDhlUnlessDhlIsNamed(String number) {
    none("call me back on " + number);
  }

  @Test
  void dhlContextIsCaseInsensitiveAndLocalized() {
    assertEquals(Carrier.DHL, only("my Dhl parcel 3318810025").carrier());
    assertEquals(Carrier.DHL, only("посылка ДХЛ 3318810025").carrier());
    assertEquals(Carrier.DHL, only("敦豪快递3318810025").carrier());
    assertEquals(Carrier.DHL, only("dhl 33 1881 0025").carrier());
  }

  @Test
  void aNumberAfterAnInternationalPrefixIsAPhoneEvenWhenDhlIsNamed() {
    none("DHL courier, please call +3318810025");
    none("DHL courier, please call +49 3318810025");
    assertEquals("3318810025", only("call +49 30 1234567, DHL 3318810025").number());
  }

  // --- FedEx Express ---

  @ParameterizedTest
  @ValueSource(strings = {
      "986578788855", "477179081230", "799531274483", "790535312317", "974367662710", // jkeen
      "568838414941", "797806677146",                                                 // fedexdoc
  })
  void validFedExNumbersAreFoundWhenFedExIsNamed(String number) {
    TrackingNumber found = only("FedEx tracking: " + number);
    assertEquals(number, found.number());
    assertEquals(Carrier.FEDEX, found.carrier());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "996578788855", // jkeen
      "986578788856", // altered check digit
      "477179081231", // altered check digit
  })
  void fedExNumbersWithAWrongCheckDigitAreRejected(String number) {
    none("fedex " + number);
  }

  @Test
  void fedExNeedsContextAndAcceptsLabelSpacing() {
    none("invoice 986578788855");
    assertEquals("790535312317", only(" 7 9 0 5 3 5 3 1 2 3 1 7 by fed ex").number()); // jkeen, spaced
    assertEquals("790535312317", only("联邦快递 7905 3531 2317").number());
  }

  // --- Cainiao and YunExpress (format only: no public check digit) ---

  @ParameterizedTest
  @ValueSource(strings = {"LP00068434402473", "LP00071653567725", "lp00068434402473"}) // geartrack
  void cainiaoNumbersAreFoundByFormat(String number) {
    TrackingNumber found = only("tracking " + number);
    assertEquals(number.toUpperCase(), found.number());
    assertEquals(Carrier.CAINIAO, found.carrier());
  }

  @ParameterizedTest
  @ValueSource(strings = {"LP0006843440247", "LP000684344024731", "LQ00068434402473"})
  void cainiaoNumbersOfTheWrongShapeAreRejected(String number) {
    none("tracking " + number);
  }

  @ParameterizedTest
  @CsvSource({
      "YT2229521272164446, YT2229521272164446", // jkeen
      "YT2229521272164447, YT2229521272164447", // jkeen
      "' Y T 2 2 2 9 5 2 1 2 7 2 1 6 4 4 4 7 ', YT2229521272164447", // jkeen, spaced
  })
  void yunExpressNumbersAreFoundByFormat(String text, String number) {
    TrackingNumber found = only(text);
    assertEquals(number, found.number());
    assertEquals(Carrier.YUNEXPRESS, found.carrier());
  }

  @ParameterizedTest
  @ValueSource(strings = {"YT123456789012345", "YT22295212721644461"}) // jkeen; one digit too many
  void yunExpressNumbersOfTheWrongShapeAreRejected(String number) {
    none("tracking " + number);
  }

  // --- finding numbers in text ---

  @Test
  void numbersGluedToLatinLettersOrDigitsAreNotTakenApart() {
    none("XRR123456785CN");
    none("RR123456785CN7");
    none("order1Z5R89390357567127");
  }

  @Test
  void numbersGluedToCjkOrPunctuationAreFound() {
    assertEquals("RR123456785CN", only("运单号RR123456785CN到哪了").number());
    assertEquals("RR123456785CN", only("(tracking:RR123456785CN)").number());
  }

  @Test
  void fullWidthNumbersAreNormalized() {
    TrackingNumber found = only("追跡番号はＥＥ４７１１０８１５１ＦＲです");
    assertEquals("EE471108151FR", found.number());
    assertEquals(Carrier.LA_POSTE, found.carrier());
  }

  @Test
  void severalNumbersComeInTextOrderWithPositions() {
    String text = "first 1Z5R89390357567127 then RB123456785GB and LP00068434402473";
    List<TrackingNumber> found = parser.findAll(text);
    assertEquals(List.of("1Z5R89390357567127", "RB123456785GB", "LP00068434402473"),
        found.stream().map(TrackingNumber::number).toList());
    assertEquals(6, found.get(0).start());
    assertEquals(24, found.get(0).end());
    assertTrue(parser.findFirst(text).isPresent());
  }

  @Test
  void nullAndEmptyTextHaveNoNumbers() {
    none(null);
    none("");
  }
}
