package com.tradewind.connectors.commerce.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleStoreTest {

  private static final Path FILE = Path.of("config/sample-orders.json");
  private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

  private static SampleStore store(Instant now) throws Exception {
    return new SampleStore(FILE, Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Order order(SampleStore store, String id) throws Exception {
    return store.order(id).await(1, TimeUnit.SECONDS).orElseThrow();
  }

  @Test
  void coversStatusesCurrenciesAndCountries() throws Exception {
    SampleStore store = store(NOW);
    List<String> ids = store.orderIds();
    assertTrue(ids.size() >= 20, "orders: " + ids.size());
    Set<OrderStatus> statuses = EnumSet.noneOf(OrderStatus.class);
    Set<String> currencies = new HashSet<>();
    Set<String> countries = new HashSet<>();
    Set<TrackingStatus> parcels = EnumSet.noneOf(TrackingStatus.class);
    for (String id : ids) {
      Order o = order(store, id);
      statuses.add(o.status());
      currencies.add(o.total().currency());
      countries.add(o.shippingAddress().country());
      assertTrue(o.placedAt().isBefore(NOW), id);
      if (o.trackingNumber() != null) {
        Tracking t = store.tracking(o.trackingNumber()).await(1, TimeUnit.SECONDS).orElseThrow(
            () -> new AssertionError("no tracking for " + id));
        parcels.add(t.status());
      }
      if (o.buyer().phone() != null) {
        assertTrue(o.buyer().phone().matches("\\+[1-9][0-9]{7,14}"), "E.164: " + o.buyer().phone());
      }
    }
    assertEquals(EnumSet.complementOf(EnumSet.of(OrderStatus.UNKNOWN)), statuses);
    assertEquals(EnumSet.complementOf(EnumSet.of(TrackingStatus.NOT_FOUND)), parcels);
    assertTrue(currencies.size() >= 10, currencies.toString());
    assertTrue(countries.size() >= 15, countries.toString());
  }

  @Test
  void timesMoveWithTheClock() throws Exception {
    Tracking now = store(NOW).tracking("rr123456785cn").await(1, TimeUnit.SECONDS).orElseThrow();
    Tracking later = store(NOW.plus(Duration.ofDays(30))).tracking("RR123456785CN").await(1, TimeUnit.SECONDS)
        .orElseThrow();
    assertEquals(Duration.ofDays(30), Duration.between(now.latest().time(), later.latest().time()));
    assertTrue(now.latest().time().isBefore(NOW));
  }

  @Test
  void hasALateOrderAndAStalledParcel() throws Exception {
    SampleStore store = store(NOW);
    LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
    assertTrue(order(store, "8123456789012350").isLate(today));
    assertFalse(order(store, "8123456789012345").isLate(today));
    assertFalse(order(store, "8123456789012347").isLate(today), "delivered orders are never late");
    Tracking stalled = store.tracking("LA839204179CN").await(1, TimeUnit.SECONDS).orElseThrow();
    assertTrue(stalled.isStalled(NOW, Duration.ofDays(7)));
    Tracking moving = store.tracking("RR123456785CN").await(1, TimeUnit.SECONDS).orElseThrow();
    assertFalse(moving.isStalled(NOW, Duration.ofDays(7)));
  }

  @Test
  void unknownIsEmpty() throws Exception {
    SampleStore store = store(NOW);
    assertTrue(store.order("8000000000000000").await(1, TimeUnit.SECONDS).isEmpty());
    assertTrue(store.tracking("RR000000080CN").await(1, TimeUnit.SECONDS).isEmpty());
  }

  @Test
  void brokenEntryFailsNamingTheFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("orders.json");
    Files.writeString(bad, "{\"orders\":[{\"id\":\"1\",\"status\":\"teleported\",\"placed\":\"P1D\",\"total\":\"1\"}]}");
    var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> new SampleStore(bad,
        Clock.systemUTC()));
    assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
  }
}
