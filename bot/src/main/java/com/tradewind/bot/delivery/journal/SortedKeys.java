package com.tradewind.bot.delivery.journal;

import java.util.Arrays;

/**
 * The keys one compaction spills: collected in primitive arrays as replay meets them (a key may
 * come more than once), then sorted by fingerprint with the duplicates folded into their latest
 * expiry and the expired ones dropped. About 24 bytes a key, only while a compaction runs.
 */
final class SortedKeys {

  private long[] hi = new long[1024];
  private long[] lo = new long[1024];
  private long[] expiry = new long[1024];
  private int size;
  private boolean sorted = true;

  void add(long keyHi, long keyLo, long until) {
    if (size == hi.length) {
      int grown = Math.max(1024, size + (size >> 1));
      hi = Arrays.copyOf(hi, grown);
      lo = Arrays.copyOf(lo, grown);
      expiry = Arrays.copyOf(expiry, grown);
    }
    hi[size] = keyHi;
    lo[size] = keyLo;
    expiry[size] = until;
    size++;
    sorted = false;
  }

  /** Sorts, keeps one entry a fingerprint (its latest expiry) and drops those expired at {@code nowMillis}. */
  SortedKeys sortDistinctLive(long nowMillis) {
    if (!sorted) {
      sort(0, size - 1);
      sorted = true;
    }
    int kept = 0;
    for (int i = 0; i < size; i++) {
      if (kept > 0 && hi[kept - 1] == hi[i] && lo[kept - 1] == lo[i]) {
        expiry[kept - 1] = Math.max(expiry[kept - 1], expiry[i]);
      } else {
        hi[kept] = hi[i];
        lo[kept] = lo[i];
        expiry[kept] = expiry[i];
        kept++;
      }
    }
    int live = 0;
    for (int i = 0; i < kept; i++) {
      if (expiry[i] > nowMillis) {
        hi[live] = hi[i];
        lo[live] = lo[i];
        expiry[live] = expiry[i];
        live++;
      }
    }
    size = live;
    return this;
  }

  int size() {
    return size;
  }

  long hi(int i) {
    return hi[i];
  }

  long lo(int i) {
    return lo[i];
  }

  long expiry(int i) {
    return expiry[i];
  }

  /** Quicksort on the three arrays at once (no boxing); insertion sort for short ranges. */
  private void sort(int from, int to) {
    while (to - from > 16) {
      int mid = (from + to) >>> 1;
      long pivotHi = hi[mid];
      long pivotLo = lo[mid];
      int i = from;
      int j = to;
      while (i <= j) {
        while (SpilledKeyFile.compare(hi[i], lo[i], pivotHi, pivotLo) < 0) {
          i++;
        }
        while (SpilledKeyFile.compare(hi[j], lo[j], pivotHi, pivotLo) > 0) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (j - from < to - i) { // recurse into the smaller half: the stack stays logarithmic
        sort(from, j);
        from = i;
      } else {
        sort(i, to);
        to = j;
      }
    }
    for (int i = from + 1; i <= to; i++) {
      for (int j = i; j > from && SpilledKeyFile.compare(hi[j], lo[j], hi[j - 1], lo[j - 1]) < 0; j--) {
        swap(j, j - 1);
      }
    }
  }

  private void swap(int a, int b) {
    long h = hi[a];
    hi[a] = hi[b];
    hi[b] = h;
    long l = lo[a];
    lo[a] = lo[b];
    lo[b] = l;
    long e = expiry[a];
    expiry[a] = expiry[b];
    expiry[b] = e;
  }
}
