package com.tradewind.bot.delivery;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs tasks one after another per conversation and in parallel across conversations: a chain
 * of futures per key, dropped when it runs empty so idle conversations cost nothing.
 */
public final class ConversationLanes {

  private final Map<String, Future<Void>> tails = new ConcurrentHashMap<>();

  /** Runs the task after every task submitted earlier for the same conversation has finished. */
  public Future<Void> submit(String conversation, Supplier<Future<Void>> task) {
    Promise<Void> done = Promise.promise();
    Future<Void> mine = done.future();
    Future<Void> previous = tails.put(conversation, mine);
    Future<Void> start = previous == null ? Future.succeededFuture() : previous.transform(ar -> Future.succeededFuture());
    start.onComplete(ignored -> {
      Future<Void> result;
      try {
        result = task.get();
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(ar -> {
        tails.remove(conversation, mine);
        done.handle(ar);
      });
    });
    return mine;
  }

  /** Completes when every task submitted so far has finished. */
  public Future<Void> idle() {
    return Future.join(tails.values().stream().map(f -> f.transform(ar -> Future.<Void>succeededFuture())).toList())
        .mapEmpty();
  }

  /** Conversations with work queued or running. */
  public int active() {
    return tails.size();
  }
}
