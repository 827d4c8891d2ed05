package com.tradewind.bot.delivery;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The dedupe keys a node remembers, with their expiry, in as little heap as the job allows:
 * each key is held as a 128-bit fingerprint (the first 16 bytes of its SHA-256) in one
 * primitive array probed linearly, about 24–64 bytes a key instead of about 130 for a
 * {@code String} in a map. Sized up front, a table takes the same heap however full it is.
 *
 * <p>Two different keys share a fingerprint with a probability of about n² / 2¹²⁹ for n keys
 * remembered: for a billion keys, 10⁻²¹. The journal keeps the keys themselves.
 *
 * <p>Used by the journal inbox (two fixed tables for the keys not yet in its key files) and the
 * in-memory inbox (bounded by a key count). Not thread-safe: the inboxes synchronize.
 */
public final class DedupeKeys {

  /** A key's fingerprint: compute it outside any lock. */
  public record Fingerprint(long hi, long lo) {}

  private static final int MIN_CAPACITY = 1024;

  /**
   * Slot i is {@code slots[3i]} (high half), {@code slots[3i + 1]} (low half) and
   * {@code slots[3i + 2]} (expiry in epoch milliseconds; 0 marks an empty slot: a remembered key
   * expires after now, so never at 0). One array, not three: a probe reads one cache line, and the
   * collector gets one large object instead of three that each round up to whole heap regions.
   */
  private long[] slots;
  /** Number of slots: a power of two. */
  private int capacity;
  private int size;

  public DedupeKeys(int expected) {
    allocate(capacityFor(expected));
  }

  public static Fingerprint fingerprint(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      ByteBuffer b = ByteBuffer.wrap(digest);
      return new Fingerprint(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The key's expiry in epoch milliseconds, or 0 when it is not remembered. */
  public long expiry(Fingerprint key) {
    int i = find(key);
    return i < 0 ? 0 : slots[3 * i + 2];
  }

  /** Remembers the key until {@code until} (replacing an earlier expiry). */
  public void put(Fingerprint key, long until) {
    if (until <= 0) {
      throw new IllegalArgumentException("expiry must be after the epoch: " + until);
    }
    int i = find(key);
    if (i >= 0) {
      slots[3 * i + 2] = until;
      return;
    }
    if ((size + 1) * 4L > capacity * 3L) {
      resize(capacity * 2);
    }
    insert(key.hi(), key.lo(), until);
    size++;
  }

  public void remove(Fingerprint key) {
    int i = find(key);
    if (i >= 0) {
      deleteAt(i);
      size--;
    }
  }

  /** Forgets every key expired at {@code nowMillis}; returns how many. Costs one pass over the table. */
  public int purge(long nowMillis) {
    int removed = 0;
    for (int i = 0; i < capacity; ) {
      long e = slots[3 * i + 2];
      if (e != 0 && e <= nowMillis) {
        deleteAt(i); // a later key may have moved into slot i: look at it again
        size--;
        removed++;
      } else {
        i++;
      }
    }
    if (size * 8L < capacity && capacity > MIN_CAPACITY) {
      resize(capacityFor(size));
    }
    return removed;
  }

  /**
   * Forgets at least {@code count} keys, those expiring first (so, for one duration, those
   * claimed first), as a size-bounded cache would evict them. Sorts the expiries: for when a bound
   * is reached, not for every claim.
   */
  public int evictOldest(int count) {
    if (count <= 0 || size == 0) {
      return 0;
    }
    long[] all = new long[size];
    int n = 0;
    for (int i = 0; i < capacity; i++) {
      long e = slots[3 * i + 2];
      if (e != 0) {
        all[n++] = e;
      }
    }
    java.util.Arrays.sort(all);
    return purge(all[Math.min(count, n) - 1]);
  }

  public int size() {
    return size;
  }

  /** Forgets every key and keeps the arrays, so a table can be reused without allocating. */
  public void clear() {
    java.util.Arrays.fill(slots, 0L);
    size = 0;
  }

  /** Slots allocated: the heap held is 24 bytes times this, whatever the number of keys. */
  public int capacity() {
    return capacity;
  }

  private int find(Fingerprint key) {
    int mask = capacity - 1;
    for (int i = home(key.hi(), mask); slots[3 * i + 2] != 0; i = (i + 1) & mask) {
      if (slots[3 * i] == key.hi() && slots[3 * i + 1] == key.lo()) {
        return i;
      }
    }
    return -1;
  }

  private void insert(long h, long l, long until) {
    int mask = capacity - 1;
    int i = home(h, mask);
    while (slots[3 * i + 2] != 0) {
      i = (i + 1) & mask;
    }
    slots[3 * i] = h;
    slots[3 * i + 1] = l;
    slots[3 * i + 2] = until;
  }

  /** Empties slot {@code i} and shifts back the keys after it that would otherwise not be found. */
  private void deleteAt(int i) {
    int mask = capacity - 1;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (slots[3 * j + 2] == 0) {
        break;
      }
      int k = home(slots[3 * j], mask);
      boolean stays = i <= j ? i < k && k <= j : i < k || k <= j; // its home lies after the hole
      if (!stays) {
        System.arraycopy(slots, 3 * j, slots, 3 * i, 3);
        i = j;
      }
    }
    slots[3 * i + 2] = 0;
  }

  private void resize(int capacity) {
    long[] old = slots;
    allocate(capacity);
    for (int i = 0; i < old.length; i += 3) {
      if (old[i + 2] != 0) {
        insert(old[i], old[i + 1], old[i + 2]);
      }
    }
  }

  private void allocate(int slotCount) {
    slots = new long[3 * slotCount];
    capacity = slotCount;
  }

  private static int capacityFor(int keys) {
    int wanted = Math.max(MIN_CAPACITY, (int) Math.min(1 << 29, keys * 2L));
    return Integer.highestOneBit(wanted - 1) << 1;
  }

  private static int home(long hi, int mask) {
    return (int) (hi ^ (hi >>> 32)) & mask;
  }
}
