package com.tradewind.bot.channels.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.connectors.whatsapp.WhatsAppError;
import com.tradewind.connectors.whatsapp.WhatsAppStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statuses only move forward; failures are final and keep their reason; the store stays bounded. */
class DeliveryStatusesTest {

  private static WhatsAppStatus status(String id, String state, WhatsAppError... errors) {
    return new WhatsAppStatus(id, state, Instant.ofEpochSecond(1739321024), "16505551234", List.of(errors));
  }

  @Test
  void outOfOrderStatusesNeverGoBack() {
    DeliveryStatuses statuses = new DeliveryStatuses(100, Duration.ofDays(1));
    assertTrue(statuses.record(status("a", "read")));
    assertFalse(statuses.record(status("a", "delivered")));
    assertFalse(statuses.record(status("a", "sent")));
    assertFalse(statuses.record(status("a", "read")), "a repeat is not progress");
    assertEquals("read", statuses.get("a").orElseThrow().status());
    assertFalse(statuses.record(status("b", "deleted")), "not a delivery state");
    assertTrue(statuses.get("b").isEmpty());
  }

  @Test
  void failedIsFinalAndKeepsCodeAndDetails() {
    DeliveryStatuses statuses = new DeliveryStatuses(100, Duration.ofDays(1));
    statuses.record(status("m", "sent"));
    assertTrue(statuses.record(status("m", "failed", new WhatsAppError(131026, "Message undeliverable", null,
        "Message Undeliverable."))));
    assertFalse(statuses.record(status("m", "delivered")));
    var failed = statuses.get("m").orElseThrow();
    assertEquals(131026, failed.errorCode());
    assertEquals("Message Undeliverable.", failed.errorDetails());
    assertEquals(Map.of("failed", 1L), statuses.counts());
  }

  @Test
  void boundedInSize() {
    DeliveryStatuses statuses = new DeliveryStatuses(50, Duration.ofDays(1));
    for (int i = 0; i < 5_000; i++) {
      statuses.record(status("id-" + i, "sent"));
    }
    long kept = statuses.counts().getOrDefault("sent", 0L);
    assertTrue(kept <= 60, "kept " + kept);
  }
}
