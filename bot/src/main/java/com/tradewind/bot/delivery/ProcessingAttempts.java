package com.tradewind.bot.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a processor on one message, retrying failures on timers (never sleeping) as the policy
 * says. The result is {@link Outcome#ANSWERED}, {@link Outcome#FAILED} after the last try, or
 * {@link Outcome#HANDED_BACK} when the inbox closed between tries: the message stays recorded
 * and is processed after the restart or by another node.
 */
public final class ProcessingAttempts {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessingAttempts.class);

  /** How processing of one message ended. */
  public enum Outcome { ANSWERED, FAILED, HANDED_BACK }

  private final Vertx vertx;
  private final RetryPolicy policy;
  private final BooleanSupplier closing;
  private final DeliveryCounters counters;
  private final java.util.Map<Long, Promise<Outcome>> waiting = new java.util.concurrent.ConcurrentHashMap<>();

  public ProcessingAttempts(Vertx vertx, RetryPolicy policy, BooleanSupplier closing, DeliveryCounters counters) {
    this.vertx = vertx;
    this.policy = policy;
    this.closing = closing;
    this.counters = counters;
  }

  /**
   * Ends every wait between tries now (at close): those messages stay recorded and are handed
   * back instead of holding the shutdown for their backoff.
   */
  public void handBackWaiting() {
    for (Long timer : java.util.List.copyOf(waiting.keySet())) {
      Promise<Outcome> result = waiting.remove(timer);
      if (result != null) {
        vertx.cancelTimer(timer);
        result.tryComplete(Outcome.HANDED_BACK);
      }
    }
  }

  /** Never fails: every ending is an outcome. */
  public Future<Outcome> run(InboundMessage message, Function<InboundMessage, Future<Void>> processor) {
    Promise<Outcome> result = Promise.promise();
    attempt(message, processor, 1, result);
    return result.future();
  }

  private void attempt(InboundMessage message, Function<InboundMessage, Future<Void>> processor, int attempt,
      Promise<Outcome> result) {
    Future<Void> run;
    try {
      run = processor.apply(message);
      if (run == null) {
        run = Future.failedFuture(new IllegalStateException("processor returned no future"));
      }
    } catch (RuntimeException e) {
      run = Future.failedFuture(e);
    }
    run.onComplete(ar -> {
      if (ar.succeeded()) {
        counters.answered.incrementAndGet();
        result.tryComplete(Outcome.ANSWERED);
      } else if (closing.getAsBoolean()) {
        result.tryComplete(Outcome.HANDED_BACK);
      } else if (attempt >= policy.maxAttempts()) {
        counters.failed.incrementAndGet();
        LOG.error("{} message {} failed for good after {} tries: {}", message.channel(), message.id(), attempt,
            ar.cause().toString());
        result.tryComplete(Outcome.FAILED);
      } else {
        counters.retries.incrementAndGet();
        long delay = policy.delayMillis(attempt);
        LOG.warn("{} message {} failed (try {} of {}), again in {} ms: {}", message.channel(), message.id(), attempt,
            policy.maxAttempts(), delay, ar.cause().toString());
        long[] timer = new long[1];
        timer[0] = vertx.setTimer(delay, t -> {
          if (waiting.remove(timer[0]) == null) {
            return; // handed back already
          }
          if (closing.getAsBoolean()) {
            result.tryComplete(Outcome.HANDED_BACK);
          } else {
            attempt(message, processor, attempt + 1, result);
          }
        });
        waiting.put(timer[0], result);
      }
    });
  }
}
