package com.tradewind.bot.delivery.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tradewind.bot.delivery.DedupeKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentKeysTest {

  private static DedupeKeys.Fingerprint key(String s) {
    return DedupeKeys.fingerprint(s);
  }

  @Test
  void sealingKeepsTheKeysOfQueuedOffersCurrentAndForgettingDropsOnlyTheSealedOnes() {
    RecentKeys keys = new RecentKeys(100);
    keys.put(key("written"), 10);
    keys.put(key("queued"), 20);
    keys.seal(List.of(key("queued")));
    assertEquals(1, keys.current(), "the queued offer will land in the new segment");
    assertEquals(2, keys.size());
    assertEquals(10, keys.expiry(key("written")), "still found until its key file answers");
    keys.put(key("later"), 30);
    assertThrows(IllegalStateException.class, () -> keys.seal(List.of()), "one sealed segment at a time");
    keys.forgetSealed();
    assertEquals(0, keys.expiry(key("written")));
    assertEquals(20, keys.expiry(key("queued")));
    assertEquals(30, keys.expiry(key("later")));
    keys.seal(List.of());
    assertEquals(0, keys.current());
    assertEquals(20, keys.expiry(key("queued")));
  }

  @Test
  void theTablesAreAllocatedOnceForTheirSize() {
    RecentKeys keys = new RecentKeys(200_000);
    long heap = keys.heapBytes();
    assertEquals(2 * 24L * 524_288, heap, "two tables of the next power of two above twice 200,000 slots");
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 200_000; i++) {
        keys.put(key(round + ":" + i), 1 + i);
      }
      keys.seal(List.of());
      keys.forgetSealed();
      assertEquals(heap, keys.heapBytes());
    }
  }
}
