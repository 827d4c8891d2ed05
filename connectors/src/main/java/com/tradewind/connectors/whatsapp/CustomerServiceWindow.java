package com.tradewind.connectors.whatsapp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The 24-hour customer-service window per user: each message from the user opens or refreshes
 * it, and only inside it may free-form messages be sent. A minute of margin keeps a reply that
 * is still in flight at the edge from failing with 131047.
 */
public final class CustomerServiceWindow {

  public static final Duration LENGTH = Duration.ofHours(24);
  private static final Duration MARGIN = Duration.ofMinutes(1);

  private final Clock clock;
  private final Cache<String, Instant> lastInbound;

  /** @param maxUsers bound on remembered users; the least recently written are forgotten first */
  public CustomerServiceWindow(Clock clock, long maxUsers) {
    this.clock = clock;
    this.lastInbound = Caffeine.newBuilder().maximumSize(maxUsers).expireAfterWrite(LENGTH.plusHours(1)).build();
  }

  /**
   * Records a message from {@code user} sent at {@code at} (the payload's timestamp; now when
   * unknown or in the future). A late redelivery never moves the window backwards.
   */
  public void opened(String user, Instant at) {
    Instant now = clock.instant();
    Instant when = at == null || at.isAfter(now) ? now : at;
    lastInbound.asMap().merge(user, when, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
  }

  /** Whether free-form messages may be sent to {@code user} now. */
  public boolean isOpen(String user) {
    Instant last = lastInbound.getIfPresent(user);
    return last != null && clock.instant().isBefore(last.plus(LENGTH).minus(MARGIN));
  }

  /** Meta said the window is closed (131047): believe it until the user writes again. */
  public void closed(String user) {
    lastInbound.invalidate(user);
  }

  /** When the user last wrote, if remembered. */
  public Optional<Instant> lastInbound(String user) {
    return Optional.ofNullable(lastInbound.getIfPresent(user));
  }
}
