package com.tradewind.bot.cli;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.journal.JournalInbox;
import com.tradewind.bot.delivery.journal.JournalOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the journal inbox on this machine's disk: the latency of one offer (an fsync each),
 * and throughput with many concurrent offers sharing fsyncs (group commit), against a baseline
 * of one plain write+fsync per record in the same process.
 */
@Command(name = "bench-inbox", mixinStandardHelpOptions = true, description = "Offer latency and group-commit throughput of the inbox journal.")
final class BenchInboxCommand implements Callable<Integer> {

  @Option(names = "--dir", description = "folder for the journal (default: a temporary folder under the data dir)")
  Path dir;

  @Option(names = "--messages", description = "messages per measurement (default ${DEFAULT-VALUE})")
  int messages = 5_000;

  @Option(names = "--concurrency", description = "offers in flight in the throughput run (default ${DEFAULT-VALUE})")
  int concurrency = 256;

  @Option(names = "--keys", description = "messages offered before the dedupe claims are measured (default ${DEFAULT-VALUE})")
  int keyMessages = 200_000;

  @Option(names = "--memory-keys", description = "dedupe keys held on the heap (default: as configured by default)")
  int memoryKeys = JournalOptions.DEFAULT_MEMORY_KEYS;

  @Option(names = "--redis", description = "also measure the Redis inbox at this URL (redis://127.0.0.1:6379)")
  String redisUrl;

  @Override
  public Integer call() throws Exception {
    Path base = dir != null ? dir : com.tradewind.bot.config.TradewindConfig.load(System.getenv()).knowledge().dataDir()
        .resolve("bench-inbox-" + System.nanoTime());
    Files.createDirectories(base);
    Vertx vertx = Vertx.vertx();
    try {
      double baselineMs = baselineFsyncMillis(base.resolve("baseline.bin"), Math.min(messages, 1_000));
      System.out.printf("baseline: one write+fsync of a 300-byte record: %.3f ms median%n", baselineMs);

      JournalInbox inbox = JournalInbox.open(vertx, JournalOptions.defaults(base.resolve("inbox"))
          .withMemoryKeys(memoryKeys), Clock.systemUTC()).await(30, TimeUnit.SECONDS);
      inbox.process("bench", m -> Future.succeededFuture());
      int sequential = Math.min(messages, 2_000);
      long[] latencies = new long[sequential];
      for (int i = 0; i < sequential; i++) {
        long t0 = System.nanoTime();
        inbox.offer(message("s" + i)).await(10, TimeUnit.SECONDS);
        latencies[i] = System.nanoTime() - t0;
      }
      Arrays.sort(latencies);
      double p50 = latencies[sequential / 2] / 1e6;
      double p99 = latencies[(int) (sequential * 0.99)] / 1e6;
      System.out.printf("offer, one at a time (%d): p50 %.3f ms, p99 %.3f ms (x%.2f the baseline fsync)%n",
          sequential, p50, p99, p50 / baselineMs);

      long fsyncsBefore = inbox.fsyncs();
      long t0 = System.nanoTime();
      long cpu0 = processCpuNanos();
      runConcurrently(vertx, inbox, messages, concurrency).await(120, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - t0) / 1e9;
      while (inbox.counters().answered() < sequential + messages) {
        Thread.sleep(20);
      }
      long fsyncs = inbox.fsyncs() - fsyncsBefore;
      System.out.printf("offer, %d in flight (%d): %.0f messages/s, %d fsyncs (%.1f records per fsync; "
          + "one fsync each would allow about %.0f/s); process CPU %.1f us a message%n", concurrency, messages,
          messages / seconds, fsyncs, (double) messages / Math.max(1, fsyncs), 1000 / baselineMs,
          (processCpuNanos() - cpu0) / 1e3 / messages);
      benchClaims(vertx, inbox);
      inbox.close().await(60, TimeUnit.SECONDS);
      if (redisUrl != null) {
        benchRedis(vertx);
      }
      return 0;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      if (dir == null) {
        try (var files = Files.walk(base)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /**
   * Dedupe claims once many keys are remembered: offers {@code --keys} new messages, then offers
   * 2,000 of the oldest and 2,000 of the newest again, one at a time (all duplicates), timing each
   * and counting the process CPU; the heap after a GC before and after the keys went in.
   */
  private void benchClaims(Vertx vertx, JournalInbox inbox) throws Exception {
    long heapBefore = heapAfterGc();
    long t0 = System.nanoTime();
    long cpu0 = processCpuNanos();
    long answered = inbox.counters().answered();
    runConcurrently(vertx, inbox, keyMessages, concurrency, "k").await(1_800, TimeUnit.SECONDS);
    double offerSeconds = (System.nanoTime() - t0) / 1e9;
    while (inbox.counters().answered() < answered + keyMessages) { // answered and marked: a quiet inbox again
      Thread.sleep(20);
    }
    System.out.printf("%,d more messages: offered at %.0f messages/s, all answered after %.1f s; process CPU %.1f us"
        + " a message (offer, answer, mark, compactions)%n", keyMessages, keyMessages / offerSeconds,
        (System.nanoTime() - t0) / 1e9, (processCpuNanos() - cpu0) / 1e3 / keyMessages);
    Thread.sleep(3_000); // let a compaction started by the last marks finish
    long heapAfter = heapAfterGc();
    System.out.printf("heap after GC: %.1f MB before the %,d messages, %.1f MB after (%+.1f MB)%n",
        heapBefore / 1048576.0, keyMessages, heapAfter / 1048576.0, (heapAfter - heapBefore) / 1048576.0);
    int sample = Math.min(2_000, keyMessages / 2);
    for (String which : List.of("oldest", "newest")) {
      long[] latencies = new long[sample];
      long cpu = processCpuNanos();
      for (int i = 0; i < sample; i++) {
        int n = which.equals("oldest") ? i : keyMessages - sample + i;
        long s0 = System.nanoTime();
        boolean recorded = inbox.offer(message("k" + n)).await(10, TimeUnit.SECONDS);
        latencies[i] = System.nanoTime() - s0;
        if (recorded) {
          throw new IllegalStateException("message k" + n + " was not found a duplicate");
        }
      }
      long cpuPer = (processCpuNanos() - cpu) / sample;
      Arrays.sort(latencies);
      System.out.printf("duplicate claim of the %,d %s keys, one at a time: p50 %.1f us, p99 %.1f us, process CPU"
          + " %.1f us a claim%n", sample, which, latencies[sample / 2] / 1e3, latencies[(int) (sample * 0.99)] / 1e3,
          cpuPer / 1e3);
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long heapAfterGc() {
    System.gc();
    Runtime r = Runtime.getRuntime();
    return r.totalMemory() - r.freeMemory();
  }

  /** The same two runs against the Redis inbox, under a throw-away key prefix deleted afterwards. */
  private void benchRedis(Vertx vertx) throws Exception {
    var link = com.tradewind.bot.cluster.RedisLink.open(vertx, redisUrl).await(10, TimeUnit.SECONDS);
    var keys = new com.tradewind.bot.cluster.RedisKeys("tradewind-bench:" + System.nanoTime() + ":");
    var inbox = com.tradewind.bot.cluster.RedisInbox.open(vertx, link, keys,
        com.tradewind.bot.cluster.RedisInboxOptions.defaults()).await(10, TimeUnit.SECONDS);
    try {
      inbox.process("bench", m -> Future.succeededFuture());
      int sequential = Math.min(messages, 2_000);
      long[] latencies = new long[sequential];
      for (int i = 0; i < sequential; i++) {
        long t0 = System.nanoTime();
        inbox.offer(message("rs" + i)).await(10, TimeUnit.SECONDS);
        latencies[i] = System.nanoTime() - t0;
      }
      Arrays.sort(latencies);
      System.out.printf("Redis offer, one at a time (%d): p50 %.3f ms, p99 %.3f ms%n", sequential,
          latencies[sequential / 2] / 1e6, latencies[(int) (sequential * 0.99)] / 1e6);
      long t0 = System.nanoTime();
      runConcurrently(vertx, inbox, messages, concurrency, "rc").await(120, TimeUnit.SECONDS);
      System.out.printf("Redis offer, %d in flight (%d): %.0f messages/s%n", concurrency, messages,
          messages / ((System.nanoTime() - t0) / 1e9));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (inbox.counters().answered() < sequential + messages && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      System.out.printf("Redis: %d of %d answered%n", inbox.counters().answered(), sequential + messages);
    } finally {
      inbox.close().await(30, TimeUnit.SECONDS);
      var found = link.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.KEYS)
          .arg(keys.prefix() + "*")).await(30, TimeUnit.SECONDS);
      for (var key : found) {
        link.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL).arg(key.toString()))
            .await(10, TimeUnit.SECONDS);
      }
      link.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static InboundMessage message(String id) {
    return new InboundMessage(id, "bench", List.of("bench:" + id), "c" + (id.hashCode() & 63),
        new JsonObject().put("text", "where is my order 8123456789012345?").put("user", "U123").put("team", "T1"),
        Instant.now());
  }

  private static Future<Void> runConcurrently(Vertx vertx, com.tradewind.bot.delivery.Inbox inbox, int total,
      int inFlight) {
    return runConcurrently(vertx, inbox, total, inFlight, "c");
  }

  private static Future<Void> runConcurrently(Vertx vertx, com.tradewind.bot.delivery.Inbox inbox, int total,
      int inFlight, String idPrefix) {
    Promise<Void> done = Promise.promise();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    vertx.runOnContext(v -> {
      for (int i = 0; i < Math.min(inFlight, total); i++) {
        offerNext(inbox, next, finished, total, done, idPrefix);
      }
    });
    return done.future();
  }

  private static void offerNext(com.tradewind.bot.delivery.Inbox inbox, AtomicInteger next, AtomicInteger finished,
      int total, Promise<Void> done, String idPrefix) {
    int n = next.getAndIncrement();
    if (n >= total) {
      return;
    }
    inbox.offer(message(idPrefix + n)).onComplete(ar -> {
      if (ar.failed()) {
        done.tryFail(ar.cause());
        return;
      }
      if (finished.incrementAndGet() == total) {
        done.tryComplete();
      } else {
        offerNext(inbox, next, finished, total, done, idPrefix);
      }
    });
  }

  private static double baselineFsyncMillis(Path file, int n) throws Exception {
    byte[] record = new byte[300];
    long[] t = new long[n];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      for (int i = 0; i < n; i++) {
        long t0 = System.nanoTime();
        ch.write(ByteBuffer.wrap(record));
        ch.force(false);
        t[i] = System.nanoTime() - t0;
      }
    }
    Files.deleteIfExists(file);
    Arrays.sort(t);
    return t[n / 2] / 1e6;
  }
}
