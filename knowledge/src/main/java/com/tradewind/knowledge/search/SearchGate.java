package com.tradewind.knowledge.search;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most a given number of searches run at once; the others wait in arrival order. A search
 * is nothing but CPU work: with more searches running than cores, the scheduler time-slices them
 * and each takes several times its own CPU time, so the slowest searches make the tail (8
 * searchers on 2 cores: p99 27 ms for searches of at most 6 ms of CPU). Queued first come, first
 * served, a search waits for those ahead of it and then runs at full speed; a model of 8
 * searchers on 2 idle cores with the measured CPU times halves the p99 that way. On a machine
 * shared with other busy processes the queue also gives up the CPU share of the waiting threads,
 * which is why it is off unless asked for.
 */
final class SearchGate {

  /** Null when searches are not limited. */
  private final Semaphore permits;

  /** @param concurrent searches allowed to run at once; 0 for no limit */
  SearchGate(int concurrent) {
    if (concurrent < 0) {
      throw new IllegalArgumentException("concurrent searches must be >= 0, was " + concurrent);
    }
    this.permits = concurrent == 0 ? null : new Semaphore(concurrent, true);
  }

  /** Runs {@code search} once a slot is free. Blocking: never call it from an event loop. */
  <T> T run(Supplier<T> search) {
    if (permits == null) {
      return search.get();
    }
    permits.acquireUninterruptibly();
    try {
      return search.get();
    } finally {
      permits.release();
    }
  }
}
