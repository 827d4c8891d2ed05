package com.tradewind.bot.commerce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradewind.bot.understanding.EntityExtractor;
import com.tradewind.bot.understanding.Entities;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every number in the sample store is one the bot's entity extractor finds in a message. */
class SampleOrdersRecognizedTest {

  @Test
  void everyOrderAndTrackingNumberIsRecognized() throws Exception {
    JsonNode root = new ObjectMapper().readTree(Path.of("config/sample-orders.json").toFile());
    EntityExtractor extractor = new EntityExtractor();
    for (JsonNode t : root.path("tracking")) {
      String number = t.path("number").asText();
      Entities found = extractor.extract("where is my parcel " + number + "?");
      assertEquals(number, found.trackingNumber(), "tracking number " + number);
    }
    for (JsonNode o : root.path("orders")) {
      String id = o.path("id").asText();
      Entities found = extractor.extract("status of order " + id + " please");
      assertEquals(id, found.orderId(), "order " + id);
      for (JsonNode s : o.path("shipments")) {
        assertEquals(1, root.path("tracking").findValuesAsText("number").stream()
            .filter(n -> n.equals(s.path("trackingNumber").asText())).count(), "tracking entry for " + id);
      }
    }
  }
}
