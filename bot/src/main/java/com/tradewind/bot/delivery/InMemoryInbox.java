package com.tradewind.bot.delivery;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox of a single process without durability: dedupe keys in a bounded, expiring table of
 * fingerprints ({@link DedupeKeys}: a few primitive arrays, so remembering a key adds no objects
 * for the collector to copy and mark) and messages processed straight away. A crash loses what was acknowledged but not yet answered;
 * the journal and Redis inboxes exist for that.
 */
public final class InMemoryInbox implements Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryInbox.class);

  private final DedupeKeys seen = new DedupeKeys(0);
  private final long dedupeForMillis;
  private final long maxKeys;
  private final Ticker ticker;
  /** Ticker reading at start: times are milliseconds since, plus one, so every expiry is positive. */
  private final long origin;
  private long claimsSincePurge;
  private final Map<String, Function<InboundMessage, Future<Void>>> processors = new ConcurrentHashMap<>();
  private final ConversationLanes lanes = new ConversationLanes();
  private volatile boolean closed;

  /**
   * @param dedupeFor how long a key is remembered; Slack retries for about 5 minutes, Meta for
   *     a day or more
   */
  public InMemoryInbox(Duration dedupeFor, long maxKeys, Ticker ticker) {
    this.dedupeForMillis = dedupeFor.toMillis();
    this.maxKeys = maxKeys;
    this.ticker = ticker;
    this.origin = ticker.read();
  }

  @Override
  public Future<Boolean> offer(InboundMessage message) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("inbox closed"));
    }
    if (!claim(message)) {
      return Future.succeededFuture(false);
    }
    Function<InboundMessage, Future<Void>> processor = processors.get(message.channel());
    if (processor == null) {
      return Future.failedFuture(new IllegalStateException("no processor for channel " + message.channel()));
    }
    lanes.submit(message.conversation(), () -> processor.apply(message))
        .onFailure(e -> LOG.error("{} message {} failed: {}", message.channel(), message.id(), e.toString()));
    return Future.succeededFuture(true);
  }

  /** Claims every key at once, so a redelivery under any of them is a duplicate. */
  private boolean claim(InboundMessage message) {
    List<DedupeKeys.Fingerprint> keys = message.dedupeKeys().stream().map(DedupeKeys::fingerprint).toList();
    synchronized (this) {
      long now = (ticker.read() - origin) / 1_000_000 + 1;
      for (DedupeKeys.Fingerprint key : keys) {
        if (seen.expiry(key) > now) {
          return false;
        }
      }
      if (seen.size() + keys.size() > maxKeys || ++claimsSincePurge >= 65_536) {
        makeRoom(now);
      }
      keys.forEach(key -> seen.put(key, now + dedupeForMillis));
      return true;
    }
  }

  /** Forgets expired keys and, when still at three quarters of the bound, the oldest down to half of it. */
  private void makeRoom(long now) {
    claimsSincePurge = 0;
    seen.purge(now);
    if (seen.size() > maxKeys * 3 / 4) {
      seen.evictOldest((int) (seen.size() - maxKeys / 2));
    }
  }

  /** Dedupe keys held now; never more than the bound. */
  public synchronized int rememberedKeys() {
    return seen.size();
  }

  @Override
  public void process(String channel, Function<InboundMessage, Future<Void>> processor) {
    processors.put(channel, processor);
  }

  @Override
  public Future<Void> close() {
    closed = true;
    return lanes.idle();
  }
}
