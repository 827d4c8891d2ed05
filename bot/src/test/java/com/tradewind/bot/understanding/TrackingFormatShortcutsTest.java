package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser skips work a regex would have refused anyway: candidates of no format's length,
 * and carrier-name regexes in messages holding none of their first letters. These tests hold
 * the shortcuts to the regexes they stand in for.
 */
class TrackingFormatShortcutsTest {

  @Test
  void everyFormatsLengthIsTheLengthItsShapeAccepts() {
    String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (TrackingFormat format : TrackingFormat.values()) {
      assertTrue(format.length() <= TrackingFormat.MAX_LENGTH, format::name);
      // a string one character longer or shorter than a valid number is never accepted
      String valid = switch (format) {
        case S10 -> "RR123456785CN";
        case UPS -> "1Z5915806855587736";
        case DHL_EXPRESS -> "3318810025";
        case FEDEX_EXPRESS -> "449044304137";
        case CAINIAO -> "LP00123456789012";
        case YUNEXPRESS -> "YT2229521272164446";
      };
      assertEquals(format.length(), valid.length(), format::name);
      assertFalse(format.accepts(valid + letters.charAt(3)), format::name);
      assertFalse(format.accepts(valid.substring(1)), format::name);
    }
  }

  @Test
  void contextStartsAreTheFirstLettersOfEachCarrierName() {
    assertEquals("dд敦", TrackingFormat.DHL_EXPRESS.contextStarts());
    assertEquals("fф联聯フ", TrackingFormat.FEDEX_EXPRESS.contextStarts());
  }

  @Test
  void regexesOfOtherShapesGetNoShortcut() {
    assertNull(TrackingFormat.firstCharacters("[a-z]hl"));
    assertNull(TrackingFormat.firstCharacters("d?hl"));
    assertNull(TrackingFormat.firstCharacters("\\bdhl"));
    assertNull(TrackingFormat.firstCharacters("(?i)dhl"));
    assertNull(TrackingFormat.firstCharacters("(?<![a-z|])dhl"));
    assertEquals("dx", TrackingFormat.firstCharacters("(?<![a-z])dhl|xyz"));
  }

  /** Messages with and without carrier names, in every case and script the regexes fold. */
  @ParameterizedTest
  @ValueSource(strings = {"DHL 3318810025", "dhl", "Dhl", "via DHL", "adhl 3318810025", "ДХЛ", "дхл посылка",
      "敦豪快递", "FedEx 449044304137", "fed ex", "FEDEX", "ФЕДЕКС", "联邦快递", "聯邦快遞", "フェデックス",
      "where is my order", "ǅhl", "ﬀ", "ᲁхл", "", "12345", "ƒedex"})
  void contextShortcutAgreesWithTheRegex(String text) {
    String normalized = TextNormalizer.normalize(text);
    for (TrackingFormat format : TrackingFormat.values()) {
      if (format.requiresContext()) {
        boolean regex = Pattern.compile(contextOf(format), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
            .matcher(normalized).find();
        assertEquals(regex, format.contextSatisfied(normalized), () -> format + " on <" + text + ">");
      }
    }
  }

  private static String contextOf(TrackingFormat format) {
    return switch (format) {
      case DHL_EXPRESS -> "(?<![a-z])dhl|дхл|敦豪";
      case FEDEX_EXPRESS -> "(?<![a-z])fed ?ex|федекс|联邦快递|聯邦快遞|フェデックス";
      default -> throw new IllegalArgumentException(format.name());
    };
  }
}
