package com.tradewind.bot.insight;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.function.Consumer;

/** Where insight records are kept: appended in order, read back in order at start-up. */
public interface InsightJournal {

  /** Appends one record; completes once it is written. */
  Future<Void> append(JsonObject record);

  /** Reads every record in the order written. Blocking: call from a worker. */
  void replay(Consumer<JsonObject> sink) throws IOException;

  /**
   * Keeps {@code sink} told about records other processes append after the replay (a shared
   * store in cluster mode); a journal only this process writes has nothing to follow.
   */
  default void follow(Consumer<JsonObject> sink) {}

  Future<Void> close();
}
