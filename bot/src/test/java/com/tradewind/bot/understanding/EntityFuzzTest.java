package com.tradewind.bot.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the order number parser and the entity extractor (see
 * {@link UnderstandingFuzzTest}); what parses customer text: 100,000 generated messages per property
 * by default (junit-platform.properties; more with {@code -Djqwik.tries.default=N}), mixing
 * random Unicode with the pieces that matter (valid and broken tracking numbers, number signs,
 * native and full-width digits, bidi marks, carrier names), always from the same seed.
 */
class EntityFuzzTest {

  private static final String SEED = "20261128";
  private final TrackingNumberParser tracking = new TrackingNumberParser();
  private final OrderNumberParser orders = new OrderNumberParser();
  private final EntityExtractor extractor = new EntityExtractor();

  @Property(seed = SEED)
  void orderNumbersAreOrderedDisjointAndNeverATrackingNumber(@ForAll("messages") String text) {
    String normalized = TextNormalizer.normalize(text);
    List<TrackingNumber> parcels = tracking.findAll(normalized);
    int after = 0;
    for (OrderNumber o : orders.findAll(text)) {
      assertTrue(o.start() >= after && o.end() > o.start(), "overlapping or out of order: " + o);
      assertEquals(normalized.substring(o.start(), o.end()), o.value());
      assertTrue(parcels.stream().noneMatch(t -> t.overlaps(o.start(), o.end())), o + " is a tracking number");
      after = o.end();
    }
  }

  @Property(seed = SEED)
  void extractedEntitiesAreConsistent(@ForAll("messages") String text) {
    Entities entities = extractor.extract(text);
    assertNotNull(entities);
    if (entities.trackingNumber() != null) {
      assertNotNull(entities.carrier());
      assertTrue(java.util.Arrays.stream(TrackingFormat.values()).anyMatch(f -> f.accepts(entities.trackingNumber())));
    } else {
      assertEquals(null, entities.carrier());
    }
    if (entities.orderId() != null) {
      assertTrue(!entities.orderId().isBlank());
    }
  }

  @Provide
  Arbitrary<String> messages() {
    return MessageArbitraries.messages();
  }
}
