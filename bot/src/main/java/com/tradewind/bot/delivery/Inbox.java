package com.tradewind.bot.delivery;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * Where acknowledged webhook messages wait to be answered. A webhook handler calls
 * {@link #offer} and acknowledges the platform only after the returned future succeeds; a failed
 * future means nothing was recorded and the handler must answer 503 so the platform retries.
 *
 * <p>Implementations: in memory (one process, lost on crash), a local journal (single node,
 * survives crashes) and Redis streams (cluster mode).
 */
public interface Inbox {

  /**
   * Records the message unless one of its dedupe keys was seen before.
   *
   * @return true when recorded (acknowledge and expect it to be processed), false when it is a
   *     duplicate (acknowledge and do nothing)
   */
  Future<Boolean> offer(InboundMessage message);

  /**
   * Sets the processor of one channel's messages. Messages of one conversation are processed one
   * at a time in arrival order; a message counts as answered when the returned future succeeds.
   */
  void process(String channel, Function<InboundMessage, Future<Void>> processor);

  /** Stops handing out messages; in-flight ones finish or are handed back. */
  Future<Void> close();
}
