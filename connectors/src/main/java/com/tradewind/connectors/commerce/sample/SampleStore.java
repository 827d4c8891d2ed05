package com.tradewind.connectors.commerce.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradewind.connectors.commerce.Address;
import com.tradewind.connectors.commerce.Buyer;
import com.tradewind.connectors.commerce.Money;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderItem;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingEvent;
import com.tradewind.connectors.commerce.TrackingProvider;
import com.tradewind.connectors.commerce.TrackingStatus;
import io.vertx.core.Future;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Orders and parcels read once from a JSON file. Every time in the file is a duration relative
 * to the moment of the lookup ({@code "placed": "P12D"} = twelve days ago, {@code "promisedIn":
 * "-P3D"} = three days ago), so parcels keep moving, late orders stay late and the sample never
 * goes stale.
 */
public final class SampleStore implements OrderProvider, TrackingProvider {

  private final Map<String, JsonNode> orders = new HashMap<>();
  private final Map<String, JsonNode> parcels = new HashMap<>();
  private final Clock clock;

  /**
   * @throws IOException if the file cannot be read or an entry is malformed (the message names it)
   */
  public SampleStore(Path file, Clock clock) throws IOException {
    this.clock = clock;
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    for (JsonNode o : root.path("orders")) {
      orders.put(o.path("id").asText(), o);
    }
    for (JsonNode t : root.path("tracking")) {
      parcels.put(t.path("number").asText().toUpperCase(Locale.ROOT), t);
    }
    Instant now = clock.instant();
    try { // parse everything once so a broken file fails start-up, not a conversation
      orders.values().forEach(o -> toOrder(o, now));
      parcels.values().forEach(t -> toTracking(t, now));
    } catch (RuntimeException e) {
      throw new IOException(file + ": invalid sample entry: " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "sample";
  }

  @Override
  public Future<Optional<Order>> order(String id) {
    JsonNode o = orders.get(id.strip());
    return Future.succeededFuture(Optional.ofNullable(o).map(n -> toOrder(n, clock.instant())));
  }

  @Override
  public Future<Optional<Tracking>> tracking(String number) {
    JsonNode t = parcels.get(number.strip().toUpperCase(Locale.ROOT));
    return Future.succeededFuture(Optional.ofNullable(t).map(n -> toTracking(n, clock.instant())));
  }

  /** All order ids, for tests and the benchmark. */
  public List<String> orderIds() {
    return List.copyOf(orders.keySet());
  }

  private static Order toOrder(JsonNode o, Instant now) {
    String currency = o.path("currency").asText();
    Instant placed = now.minus(Duration.parse(o.path("placed").asText()));
    List<OrderItem> items = new ArrayList<>();
    for (JsonNode i : o.path("items")) {
      items.add(new OrderItem(i.path("name").asText(), i.path("quantity").asInt(1),
          i.hasNonNull("price") ? new Money(new BigDecimal(i.path("price").asText()), currency) : null));
    }
    List<Shipment> shipments = new ArrayList<>();
    for (JsonNode s : o.path("shipments")) {
      shipments.add(new Shipment(s.path("carrier").asText(), text(s, "service"), s.path("trackingNumber").asText(),
          s.hasNonNull("promisedIn") ? day(now.plus(Duration.parse(s.path("promisedIn").asText()))) : null,
          s.hasNonNull("shipped") ? now.minus(Duration.parse(s.path("shipped").asText())) : null));
    }
    JsonNode b = o.path("buyer");
    JsonNode a = o.path("address");
    Address address = a.isMissingNode() ? null
        : new Address(text(a, "name"), text(a, "street"), text(a, "city"), text(a, "postalCode"), text(a, "country"));
    return new Order(o.path("id").asText(), o.path("store").asText("sample"),
        OrderStatus.ofKey(o.path("status").asText()), o.path("rawStatus").asText(o.path("status").asText()), items,
        new Money(new BigDecimal(o.path("total").asText()), currency), placed,
        ZoneId.of(o.path("zone").asText("UTC")), new Buyer(text(b, "phone"), text(b, "email"), text(b, "customerId")),
        address, shipments);
  }

  private static Tracking toTracking(JsonNode t, Instant now) {
    List<TrackingEvent> events = new ArrayList<>();
    for (JsonNode e : t.path("events")) {
      events.add(new TrackingEvent(now.minus(Duration.parse(e.path("ago").asText())), e.path("place").asText(""),
          e.path("description").asText()));
    }
    return new Tracking(t.path("number").asText().toUpperCase(Locale.ROOT), t.path("carrier").asText(),
        TrackingStatus.ofKey(t.path("status").asText()), t.path("rawStatus").asText(t.path("status").asText()),
        t.hasNonNull("estimatedIn") ? day(now.plus(Duration.parse(t.path("estimatedIn").asText()))) : null, events);
  }

  private static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.path(field).asText() : null;
  }
}
