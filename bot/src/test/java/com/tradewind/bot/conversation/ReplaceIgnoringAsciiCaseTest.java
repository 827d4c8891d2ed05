package com.tradewind.bot.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The engine removes tracking numbers from a message as the case-insensitive regex it replaced did. */
class ReplaceIgnoringAsciiCaseTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "track RR123456785CN please|RR123456785CN",
      "track rr123456785cn please|RR123456785CN",
      "Rr123456785Cn and RR123456785CN again|RR123456785CN",
      "RR123456785CNRR123456785CN|RR123456785CN",
      "no number here|RR123456785CN",
      "ＲＲ123456785CN full width stays|RR123456785CN",
      "İ and ı are not ASCII: 1ZİX|1ZIX",
      "aaa|aa",
      "RR123456785C|RR123456785CN"})
  void sameAsTheRegex(String text, String target) {
    assertEquals(text.replaceAll("(?i)" + Pattern.quote(target), " "),
        DialogueEngine.replaceIgnoringAsciiCase(text, target, " "));
  }
}
