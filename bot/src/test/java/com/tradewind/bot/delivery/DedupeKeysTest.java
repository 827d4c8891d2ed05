package com.tradewind.bot.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DedupeKeysTest {

  /**
   * Random claims, releases and purges against a plain map of the same keys: after every step the
   * table answers exactly as the map does, through growth, deletions that shift probe chains back,
   * and purges that shrink the table.
   */
  @Test
  void answersLikeAMapThroughGrowthDeletionAndPurge() {
    Random random = new Random(20261128);
    DedupeKeys table = new DedupeKeys(0);
    Map<String, Long> model = new HashMap<>();
    List<String> seen = new ArrayList<>();
    long now = 1_000;
    for (int step = 0; step < 300_000; step++) {
      int op = random.nextInt(100);
      if (op < 70 || seen.isEmpty()) {
        String key = "slack:event:A1:T1:Ev" + random.nextInt(60_000);
        long until = now + 1 + random.nextInt(5_000);
        table.put(DedupeKeys.fingerprint(key), until);
        model.put(key, until);
        seen.add(key);
      } else if (op < 90) {
        String key = seen.get(random.nextInt(seen.size()));
        table.remove(DedupeKeys.fingerprint(key));
        model.remove(key);
      } else if (op < 99) {
        String key = seen.get(random.nextInt(seen.size()));
        assertEquals(model.getOrDefault(key, 0L), table.expiry(DedupeKeys.fingerprint(key)), key + " at step " + step);
      } else {
        now += random.nextInt(3_000);
        long at = now;
        model.values().removeIf(until -> until <= at);
        table.purge(now);
        if (seen.size() > 100_000) {
          seen.subList(0, 50_000).clear();
        }
      }
      assertEquals(model.size(), table.size(), "size at step " + step);
    }
    for (int k = 0; k < 60_000; k++) {
      String key = "slack:event:A1:T1:Ev" + k;
      assertEquals(model.getOrDefault(key, 0L), table.expiry(DedupeKeys.fingerprint(key)), key);
    }
    now += 10_000;
    table.purge(now);
    assertEquals(0, table.size(), "everything expires");
  }

  @Test
  void differentKeysHaveDifferentFingerprints() {
    assertEquals(DedupeKeys.fingerprint("slack:msg:D1:1.2"), DedupeKeys.fingerprint("slack:msg:D1:1.2"));
    java.util.Set<DedupeKeys.Fingerprint> distinct = new java.util.HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      distinct.add(DedupeKeys.fingerprint("wa:wamid." + i));
    }
    assertEquals(100_000, distinct.size());
  }
}
