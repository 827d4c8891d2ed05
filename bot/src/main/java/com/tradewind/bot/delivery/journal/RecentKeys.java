package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.DedupeKeys;

/**
 * The dedupe keys not yet in a key file, in two tables of fixed size: {@code current} holds the
 * keys of the segment appended to, {@code sealed} those of the sealed segment a compaction is
 * spilling. When the segment is sealed the tables swap; when the compaction has published its key
 * file the sealed table is emptied and waits to be the next current one. Both are allocated once
 * for {@code perTable} keys, so the heap they take does not change with traffic.
 *
 * <p>Not thread-safe: the journal inbox synchronizes.
 */
final class RecentKeys {

  private DedupeKeys current;
  private DedupeKeys sealed;

  RecentKeys(int perTable) {
    this.current = new DedupeKeys(perTable);
    this.sealed = new DedupeKeys(perTable);
  }

  /** The key's expiry, or 0 when neither table holds it. */
  long expiry(DedupeKeys.Fingerprint key) {
    return Math.max(current.expiry(key), sealed.expiry(key));
  }

  void put(DedupeKeys.Fingerprint key, long until) {
    current.put(key, until);
  }

  void remove(DedupeKeys.Fingerprint key) {
    current.remove(key);
    sealed.remove(key);
  }

  /**
   * The segment appended to was sealed: its keys become the sealed table, except those of offers
   * still queued for the writer, which will land in the next segment and so stay current.
   */
  void seal(Iterable<DedupeKeys.Fingerprint> stillQueued) {
    if (sealed.size() > 0) {
      throw new IllegalStateException("a segment was sealed before the previous one was spilled");
    }
    DedupeKeys empty = sealed;
    sealed = current;
    current = empty;
    for (DedupeKeys.Fingerprint key : stillQueued) {
      long until = sealed.expiry(key);
      if (until != 0) {
        sealed.remove(key);
        current.put(key, until);
      }
    }
  }

  /** The sealed segment's keys are in a key file now. */
  void forgetSealed() {
    sealed.clear();
  }

  /** Keys of the segment appended to. */
  int current() {
    return current.size();
  }

  int size() {
    return current.size() + sealed.size();
  }

  /** Heap of both tables in bytes: three longs a slot. */
  long heapBytes() {
    return 24L * (current.capacity() + sealed.capacity());
  }
}
