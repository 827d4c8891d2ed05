package com.tradewind.bot.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled sample store, read from {@code config/sample-orders.json}, so that a new user can
 * ask about orders without an account anywhere.
 */
public final class SampleStore implements CommerceLookup {

  private final Map<String, Order> orders = new HashMap<>();
  private final Map<String, Tracking> parcels = new HashMap<>();

  public SampleStore(Path file) throws IOException {
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    for (JsonNode o : root.path("orders")) {
      JsonNode shipment = o.path("shipment");
      orders.put(o.path("id").asText(), new Order(o.path("id").asText(), o.path("status").asText(),
          new BigDecimal(o.path("total").asText()), o.path("currency").asText(), Instant.parse(o.path("placedAt").asText()),
          shipment.isMissingNode() ? null : shipment.path("carrier").asText(),
          shipment.isMissingNode() ? null : shipment.path("trackingNumber").asText()));
    }
    for (JsonNode t : root.path("tracking")) {
      List<Tracking.Event> events = new ArrayList<>();
      for (JsonNode e : t.path("events")) {
        events.add(new Tracking.Event(Instant.parse(e.path("time").asText()), e.path("place").asText(),
            e.path("description").asText()));
      }
      String number = t.path("number").asText().toUpperCase(Locale.ROOT);
      parcels.put(number, new Tracking(number, t.path("carrier").asText(), t.path("status").asText(),
          t.hasNonNull("estimatedDelivery") ? LocalDate.parse(t.path("estimatedDelivery").asText()) : null, events));
    }
  }

  @Override
  public Future<Optional<Order>> order(String id) {
    return Future.succeededFuture(Optional.ofNullable(orders.get(id)));
  }

  @Override
  public Future<Optional<Tracking>> tracking(String number) {
    return Future.succeededFuture(Optional.ofNullable(parcels.get(number.toUpperCase(Locale.ROOT))));
  }
}
