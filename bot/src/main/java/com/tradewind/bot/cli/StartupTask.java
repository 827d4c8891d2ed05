package com.tradewind.bot.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A piece of start-up that runs on a thread of its own while the main thread goes on building the
 * rest: start-up is mostly class loading and one-off work, single-threaded by nature, and the
 * second core sat idle for much of it. Runs before Vert.x exists, so it cannot be a worker task.
 */
final class StartupTask<T> {

  private final CompletableFuture<T> result = new CompletableFuture<>();

  private StartupTask() {}

  static <T> StartupTask<T> start(String name, Callable<T> work) {
    StartupTask<T> task = new StartupTask<>();
    Thread.ofPlatform().name(name).daemon().start(() -> {
      try {
        task.result.complete(work.call());
      } catch (Throwable e) {
        task.result.completeExceptionally(e);
      }
    });
    return task;
  }

  /** Completes with the work's result or failure. */
  CompletableFuture<T> future() {
    return result;
  }

  /** Waits for the work; its failure is thrown as it was thrown, so start-up reports it as usual. */
  T get() throws Exception {
    try {
      return result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
