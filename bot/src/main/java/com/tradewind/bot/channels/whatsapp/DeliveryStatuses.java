package com.tradewind.bot.channels.whatsapp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradewind.connectors.whatsapp.WhatsAppError;
import com.tradewind.connectors.whatsapp.WhatsAppStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The latest delivery status of each message the bot sent, in memory and bounded. Statuses may
 * arrive out of order, so a status only replaces one that comes earlier in sent → delivered →
 * read; {@code failed} is final and keeps Meta's error code and details.
 */
public final class DeliveryStatuses {

  /**
   * What is known about one outbound message.
   *
   * @param errorCode Meta's code when failed, else null
   */
  public record Delivery(String messageId, String recipientId, String status, Instant timestamp, Integer errorCode,
      String errorTitle, String errorDetails) {}

  private final Cache<String, Delivery> byId;

  public DeliveryStatuses(long maxMessages, Duration keepFor) {
    this.byId = Caffeine.newBuilder().maximumSize(maxMessages).expireAfterWrite(keepFor).build();
  }

  /** @return true when the status moved the message forward (false for repeats, late or unknown ones) */
  public boolean record(WhatsAppStatus status) {
    int rank = rank(status.status());
    if (rank == 0) {
      return false;
    }
    AtomicBoolean moved = new AtomicBoolean();
    byId.asMap().compute(status.messageId(), (id, old) -> {
      if (old != null && rank(old.status()) >= rank) {
        return old;
      }
      moved.set(true);
      WhatsAppError error = status.errors().isEmpty() ? null : status.errors().get(0);
      return new Delivery(id, status.recipientId() != null ? status.recipientId() : old == null ? null : old.recipientId(),
          status.status(), status.timestamp(), error == null ? null : error.code(),
          error == null ? null : error.title(), error == null ? null : error.details());
    });
    return moved.get();
  }

  public Optional<Delivery> get(String messageId) {
    return Optional.ofNullable(byId.getIfPresent(messageId));
  }

  /** How many remembered messages are in each status (for metrics). */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    byId.cleanUp(); // apply pending evictions so the counts match the bound
    byId.asMap().values().forEach(d -> counts.merge(d.status(), 1L, Long::sum));
    return counts;
  }

  private static int rank(String status) {
    return switch (status) {
      case "sent" -> 1;
      case "delivered" -> 2;
      case "read" -> 3;
      case "failed" -> 4;
      default -> 0; // deleted, warning and future values are not delivery progress
    };
  }
}
