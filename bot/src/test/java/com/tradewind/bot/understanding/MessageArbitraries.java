package com.tradewind.bot.understanding;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated customer messages for the fuzz tests of the parsers. */
final class MessageArbitraries {

  private MessageArbitraries() {}

  /** Random Unicode mixed with the pieces the parsers look for, joined by assorted separators. */
  static Arbitrary<String> messages() {
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(12)),
        net.jqwik.api.Tuple.of(3, validTracking()),
        net.jqwik.api.Tuple.of(2, validTracking().map(MessageArbitraries::mangle)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().numeric().ofMinLength(4).ofMaxLength(20)),
        net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("0123456789").ofMinLength(8).ofMaxLength(19)
            .map(MessageArbitraries::nativeDigits)),
        net.jqwik.api.Tuple.of(3, Arbitraries.of("№", "N°", "Nº", "Ｎ°", "n°", "#", "order", "pedido", "заказ", "订单号",
            "dhl", "DHL", "fedex", "FedEx", "联邦快递", "+", "+49", "\u200F", "\u200B", "\uFEFF", "\u061C", "　", "\t",
            "\n", "\u00A0", "ＲＲ", "１２３", "٨١٢", "LP", "YT", "1Z", "(", ")", "-", ":", "é", "\u0301")));
    Arbitrary<String> separator = Arbitraries.of("", " ", "  ", ",", "\n", "-", "：");
    return Combinators.combine(piece, separator).as((p, s) -> p + s).list().ofMaxSize(8)
        .map(parts -> String.join("", parts));
  }

  static Arbitrary<String> validTracking() {
    Arbitrary<String> s10 = Combinators.combine(
        Arbitraries.strings().withCharRange('A', 'Z').ofLength(2),
        Arbitraries.strings().numeric().ofLength(8),
        Arbitraries.of("CN", "GB", "US", "DE", "FR", "ES", "RU", "BR", "IT", "PL", "TR", "UA", "JP", "KR", "NL"))
        .as((letters, serial, country) -> letters + serial + CheckDigits.s10CheckDigit(serial) + country);
    Arbitrary<String> ups = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(15)
        .map(body -> "1Z" + body + CheckDigits.upsCheckDigit(body));
    Arbitrary<String> cainiao = Arbitraries.strings().numeric().ofLength(14).map(d -> "LP" + d);
    Arbitrary<String> yun = Arbitraries.strings().numeric().ofLength(16).map(d -> "YT" + d);
    return Arbitraries.oneOf(s10, s10, ups, cainiao, yun);
  }

  static Arbitrary<String> cjkText() {
    return Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').withChars('，', '？', '。').ofMaxLength(15);
  }

  /** Lower case, split as printed on labels, or one character wrong. */
  private static String mangle(String number) {
    int h = Math.abs(number.hashCode());
    return switch (h % 3) {
      case 0 -> number.toLowerCase(Locale.ROOT);
      case 1 -> number.substring(0, 2) + " " + number.substring(2, 5) + " " + number.substring(5);
      default -> number.substring(0, number.length() - 3) + (char) ('0' + h % 10) + number.substring(number.length() - 2);
    };
  }

  /** ASCII digits as Arabic-Indic, Devanagari or full-width digits. */
  private static String nativeDigits(String digits) {
    char zero = switch (Math.abs(digits.hashCode()) % 4) {
      case 0 -> '\u0660';
      case 1 -> '\u0966';
      case 2 -> '\uFF10';
      default -> '0';
    };
    StringBuilder out = new StringBuilder();
    digits.chars().forEach(c -> out.append((char) (zero + (c - '0'))));
    return out.toString();
  }
}
