package com.tradewind.bot.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox of a single process without durability: dedupe keys in a bounded, expiring cache and
 * messages processed straight away. A crash loses what was acknowledged but not yet answered;
 * the journal and Redis inboxes exist for that.
 */
public final class InMemoryInbox implements Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryInbox.class);

  private final Cache<String, Boolean> seen;
  private final Map<String, Function<InboundMessage, Future<Void>>> processors = new ConcurrentHashMap<>();
  private final ConversationLanes lanes = new ConversationLanes();
  private volatile boolean closed;

  /**
   * @param dedupeFor how long a key is remembered; Slack retries for about 5 minutes, Meta for
   *     a day or more
   */
  public InMemoryInbox(Duration dedupeFor, long maxKeys, Ticker ticker) {
    this.seen = Caffeine.newBuilder().expireAfterWrite(dedupeFor).maximumSize(maxKeys).ticker(ticker).build();
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
  private synchronized boolean claim(InboundMessage message) {
    for (String key : message.dedupeKeys()) {
      if (seen.getIfPresent(key) != null) {
        return false;
      }
    }
    message.dedupeKeys().forEach(key -> seen.put(key, Boolean.TRUE));
    return true;
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
