package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of what parses customer text: 100,000 generated messages per property
 * by default (junit-platform.properties; more with {@code -Djqwik.tries.default=N}), mixing
 * random Unicode with the pieces that matter (valid and broken tracking numbers, number signs,
 * native and full-width digits, bidi marks, carrier names), always from the same seed.
 */
class UnderstandingFuzzTest {

  private static final String SEED = "20261128";
  private final TrackingNumberParser tracking = new TrackingNumberParser();

  @Property(seed = SEED)
  void normalizingTwiceChangesNothing(@ForAll("messages") String text) {
    String once = TextNormalizer.normalize(text);
    assertEquals(once, TextNormalizer.normalize(once));
    for (int i = 0; i < once.length(); i++) {
      char c = once.charAt(i);
      assertTrue(c != '\t' && Character.getType(c) != Character.FORMAT, "tab or format character left");
      assertTrue(c < 0x80 || !Character.isDigit(c), "native digit left: " + Integer.toHexString(c));
    }
  }

  @Property(seed = SEED)
  void everyTrackingNumberFoundPassesItsCheckAndIsWhereItSays(@ForAll("messages") String text) {
    String normalized = TextNormalizer.normalize(text);
    int after = 0;
    for (TrackingNumber t : tracking.findAll(text)) {
      assertTrue(t.format().accepts(t.number()), t + " fails its own format's check");
      assertEquals(t.format().carrierOf(t.number()), t.carrier());
      assertTrue(t.start() >= after && t.end() > t.start(), "overlapping or out of order: " + t);
      String span = normalized.substring(t.start(), t.end());
      assertEquals(t.number(), span.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT));
      after = t.end();
    }
  }

  @Property(seed = SEED)
  void aValidNumberBetweenWordsIsFound(@ForAll("validTracking") String number, @ForAll("cjkText") String before,
      @ForAll("cjkText") String after) {
    String text = before + " " + number + "，" + after;
    assertTrue(tracking.findAll(text).stream().anyMatch(t -> t.number().equals(number)),
        number + " not found in " + text);
  }

  @Provide
  Arbitrary<String> messages() {
    return MessageArbitraries.messages();
  }

  @Provide
  Arbitrary<String> validTracking() {
    return MessageArbitraries.validTracking();
  }

  @Provide
  Arbitrary<String> cjkText() {
    return MessageArbitraries.cjkText();
  }
}
