package com.tradewind.bot.cli;

import com.tradewind.bot.config.DeliveryOptions;
import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Issue 6's soak: signed Slack DMs at a constant open-loop rate for minutes through one node
 * (journal inbox) or several nodes sharing Redis, replies caught by a fake Slack Web API. Prints
 * per minute what was sent and answered, p50/p99 from sending the event to the reply reaching
 * {@code chat.postMessage}, errors, and the heap after a GC at the end of the minute; exits 1 on
 * any missing or duplicate reply or failed acknowledgement. The baseline posts the same signed
 * bodies at the same rate to a constant Vert.x endpoint in the same process.
 */
@Command(name = "bench-soak", mixinStandardHelpOptions = true, description = "Soak: Slack events at a constant rate for minutes, one node or several with Redis.")
final class BenchSoakCommand implements Callable<Integer> {

  /** An answer later than this after its minute ended (the last minute: after sending ended) is missing. */
  private static final int GRACE_SECONDS = 30;

  @Option(names = "--minutes", defaultValue = "10", description = "measured minutes (default: ${DEFAULT-VALUE})")
  int minutes;

  @Option(names = "--rate", defaultValue = "500", description = "events per second (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--nodes", defaultValue = "1", description = "bot nodes in this process; more than one needs Redis"
      + " (default: ${DEFAULT-VALUE})")
  int nodes;

  @Option(names = "--redis", description = "Redis URL: the nodes share a RedisInbox under a fresh key prefix, deleted"
      + " afterwards (default with --nodes > 1: redis://127.0.0.1:6379; without: the journal inbox in a temp folder)")
  String redisUrl;

  @Option(names = "--users", defaultValue = "5000", description = "people writing DMs (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--warm-up", defaultValue = "20", description = "seconds at the rate before measuring (default: ${DEFAULT-VALUE})")
  int warmUpSeconds;

  @Option(names = "--baseline-seconds", defaultValue = "60", description = "seconds of the baseline (default: ${DEFAULT-VALUE})")
  int baselineSeconds;

  @Option(names = "--connections", defaultValue = "64", description = "HTTP connections per node of the sender"
      + " (default: ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--gc-hint", defaultValue = "true", arity = "1", description = "System.gc() before each heap"
      + " sample: the live heap, at the price of a pause that shows in the next minute's latency; false: heap used as"
      + " is, garbage included (default: ${DEFAULT-VALUE})")
  boolean gcHint;

  /** One measured minute: heap and CPU sampled at its end. */
  private record Minute(long heapUsed, long gcMillis, long cpuNanos, java.time.LocalTime endedUtc) {}

  @Override
  public Integer call() throws Exception {
    if (minutes < 1 || rate < 1 || nodes < 1 || users < 1) {
      throw new IllegalArgumentException("--minutes, --rate, --nodes and --users must be at least 1");
    }
    String redis = redisUrl != null ? redisUrl : nodes > 1 ? "redis://127.0.0.1:6379" : null;
    TradewindConfig config = TradewindConfig.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    // The load generator and the fake Slack get their own event loops, as they would in other processes.
    Vertx load = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    Path dataDir = Files.createTempDirectory("tradewind-soak");
    String prefix = "tw-soak:" + UUID.randomUUID() + ":";
    List<SoakNode> started = new ArrayList<>();
    KnowledgeService knowledge = null;
    try {
      LanguageDetector detector = new LanguageDetector();
      knowledge = new KnowledgeService(vertx, config.knowledge(), detector);
      knowledge.start(false).await(120, TimeUnit.SECONDS);
      var commerce = com.tradewind.bot.commerce.CommerceAssembly.fromEnv(vertx, System.getenv(),
          config.conversation().sampleOrders());
      int measured = rate * 60 * minutes;
      int warmUp = rate * warmUpSeconds;
      AtomicIntegerArray replies = new AtomicIntegerArray(measured);
      AtomicLongArray repliedAt = new AtomicLongArray(measured);
      AtomicInteger warmUpReplies = new AtomicInteger();
      HttpServer fakeSlack = SlackBenchKit.fakeSlack(load, (i, now, token) -> {
        int k = i - warmUp;
        if (i < 0) {
          return; // not one of ours
        }
        if (k < 0) {
          warmUpReplies.incrementAndGet();
        } else if (k < measured && replies.incrementAndGet(k) == 1) {
          repliedAt.set(k, now);
        }
      });
      DeliveryOptions configured = config.delivery();
      DeliveryOptions delivery = new DeliveryOptions(configured.inbox(), redis,
          redis == null ? configured.redisKeyPrefix() : prefix, configured.dedupeFor(), configured.retry(),
          configured.journalCompactBytes(), configured.claimIdle(), configured.slackDedupeFor(),
          configured.dedupeMemoryKeys());
      for (int n = 0; n < nodes; n++) {
        started.add(SoakNode.start(vertx, config, delivery, dataDir.resolve("node" + n), knowledge, detector,
            commerce.desk(), fakeSlack.actualPort()));
      }
      int[] ports = started.stream().mapToInt(SoakNode::port).toArray();
      SlackBenchKit kit = new SlackBenchKit(users);
      System.out.printf("%d cores, max heap %d MB; %d node(s), inbox: %s; %,d events/s open loop for %d min, DMs from %,d"
          + " people, %d sender connections per node%n", Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20, nodes, started.get(0).describe(), rate, minutes, users, connections);

      OpenLoopSender warm = new OpenLoopSender(load, kit, ports, connections, 0, warmUp);
      warm.start(rate);
      warm.awaitAcks(warmUpSeconds + 60L);
      waitFor(() -> warmUpReplies.get() >= warmUp, 30);
      System.out.printf("warm-up: %d s, %,d of %,d answered%n", warmUpSeconds, warmUpReplies.get(), warmUp);

      System.out.println("Slack events -> inbox -> dialogue -> chat.postMessage (latency: event sent to reply received;"
          + " heap: used at the minute's end"
          + (gcHint ? ", after System.gc()" : ", no GC forced") + ")");
      System.out.printf("%6s %9s %8s %8s %8s %9s %9s %9s %7s %6s %6s %8s %6s %9s%n", "minute", "ends UTC", "sent", "replies", "acks!2xx",
          "p50 ms", "p99 ms", "max ms", "missing", "dupes", "late", "heap MB", "gc ms", "cpu ms/msg");
      OpenLoopSender soak = new OpenLoopSender(load, kit, ports, connections, warmUp, measured);
      long t0 = soak.start(rate);
      Minute[] samples = new Minute[minutes];
      long cpuBefore = SlackBenchKit.cpuNanos();
      for (int m = 0; m < minutes; m++) {
        sleepUntil(t0 + TimeUnit.MINUTES.toNanos(m + 1));
        long cpu = SlackBenchKit.cpuNanos();
        long gcStart = System.nanoTime();
        if (gcHint) {
          System.gc();
        }
        long gcMillis = (System.nanoTime() - gcStart) / 1_000_000;
        samples[m] = new Minute(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), gcMillis,
            cpu - cpuBefore, java.time.LocalTime.now(java.time.ZoneOffset.UTC).withNano(0));
        cpuBefore = cpu;
        if (m > 0) {
          row(m - 1, soak, replies, repliedAt, samples[m - 1]);
        }
      }
      soak.awaitAcks(GRACE_SECONDS + 60L);
      int lastFirst = rate * 60 * (minutes - 1);
      waitFor(() -> allReplied(replies, lastFirst, measured), GRACE_SECONDS);
      Thread.sleep(1000); // a late duplicate would show up now
      row(minutes - 1, soak, replies, repliedAt, samples[minutes - 1]);

      int[] totals = tally(soak, replies, repliedAt, 0, measured, null);
      long[] all = latencies(soak, replies, repliedAt, 0, measured);
      System.out.printf("total: %,d sent, %,d answered, %,d missing, %,d duplicates, %,d acks not 2xx; p50 %.1f ms,"
          + " p99 %.1f ms%n", measured, totals[0], totals[1], totals[2], totals[3], pct(all, 0.50), pct(all, 0.99));
      long firstHeap = samples[0].heapUsed();
      long lastHeap = samples[minutes - 1].heapUsed();
      System.out.printf("heap after GC, minute 1 -> minute %d: %.1f -> %.1f MB (%+.1f MB, %+.1f%%)%n", minutes,
          firstHeap / 1048576.0, lastHeap / 1048576.0, (lastHeap - firstHeap) / 1048576.0,
          100.0 * (lastHeap - firstHeap) / firstHeap);
      double soakCpu = Arrays.stream(samples).mapToLong(Minute::cpuNanos).sum() / 1e6 / measured;
      for (SoakNode node : started) {
        System.out.println("node :" + node.port() + " " + node.stats());
      }

      HttpServer constant = SlackBenchKit.constantEndpoint(vertx);
      OpenLoopSender baseline = new OpenLoopSender(load, kit, new int[] {constant.actualPort()}, connections,
          warmUp + measured, rate * baselineSeconds);
      long cpuStart = SlackBenchKit.cpuNanos();
      baseline.start(rate);
      baseline.awaitAcks(baselineSeconds + 60L);
      double baseCpu = (SlackBenchKit.cpuNanos() - cpuStart) / 1e6 / baseline.count();
      long[] base = new long[baseline.count()];
      int baseErrors = 0;
      for (int k = 0; k < base.length; k++) {
        base[k] = baseline.ackedAt(k) - baseline.sentAt(k);
        baseErrors += baseline.failed(k) ? 1 : 0;
      }
      Arrays.sort(base);
      System.out.printf("baseline: %d s at %,d/s to a constant Vert.x endpoint (request to response): p50 %.2f ms, p99 %.2f"
          + " ms, %d errors; soak/baseline p50 x%.0f, p99 x%.0f; CPU per message %.3f vs %.3f ms (x%.1f)%n",
          baselineSeconds, rate, pct(base, 0.50), pct(base, 0.99), baseErrors, pct(all, 0.50) / pct(base, 0.50),
          pct(all, 0.99) / pct(base, 0.99), soakCpu, baseCpu, soakCpu / baseCpu);
      boolean clean = totals[1] == 0 && totals[2] == 0 && totals[3] == 0;
      System.out.println(clean ? "PASS: every event acknowledged and answered exactly once"
          : "FAIL: missing or duplicate replies, or failed acknowledgements");
      return clean ? 0 : 1;
    } finally {
      for (SoakNode node : started) {
        node.close();
      }
      if (knowledge != null) {
        knowledge.close().await(10, TimeUnit.SECONDS);
      }
      if (redis != null) {
        long deleted = SoakRedis.deleteKeys(vertx, redis, prefix);
        System.out.printf("deleted %,d Redis keys under %s%n", deleted, prefix);
      }
      load.close().await(10, TimeUnit.SECONDS);
      vertx.close().await(10, TimeUnit.SECONDS);
      deleteTree(dataDir);
    }
  }

  private void row(int m, OpenLoopSender soak, AtomicIntegerArray replies, AtomicLongArray repliedAt, Minute sample) {
    int from = rate * 60 * m;
    int to = from + rate * 60;
    int[] late = {0};
    int[] t = tally(soak, replies, repliedAt, from, to, late);
    long[] lat = latencies(soak, replies, repliedAt, from, to);
    System.out.printf("%6d %9s %8d %8d %8d %9.1f %9.1f %9.1f %7d %6d %6d %8.1f %6d %9.3f%n", m + 1, sample.endedUtc(),
        to - from, t[0], t[3],
        pct(lat, 0.50), pct(lat, 0.99), lat.length == 0 ? Double.NaN : lat[lat.length - 1] / 1e6, t[1], t[2], late[0],
        sample.heapUsed() / 1048576.0, sample.gcMillis(), sample.cpuNanos() / 1e6 / (to - from));
  }

  /** {answered, missing, duplicate replies, acks not 2xx}; {@code late} counts answers after the grace. */
  private static int[] tally(OpenLoopSender soak, AtomicIntegerArray replies, AtomicLongArray repliedAt, int from,
      int to, int[] late) {
    int[] t = new int[4];
    for (int k = from; k < to; k++) {
      int n = replies.get(k);
      t[0] += n > 0 ? 1 : 0;
      t[1] += n == 0 ? 1 : 0;
      t[2] += Math.max(0, n - 1);
      t[3] += soak.failed(k) || soak.ackedAt(k) == 0 ? 1 : 0;
      if (late != null && n > 0 && repliedAt.get(k) - soak.sentAt(k) > TimeUnit.SECONDS.toNanos(60 + GRACE_SECONDS)) {
        late[0]++;
      }
    }
    return t;
  }

  /** Sorted latencies in nanoseconds of the answered events. */
  private static long[] latencies(OpenLoopSender soak, AtomicIntegerArray replies, AtomicLongArray repliedAt, int from,
      int to) {
    long[] lat = new long[to - from];
    int n = 0;
    for (int k = from; k < to; k++) {
      if (replies.get(k) > 0) {
        lat[n++] = repliedAt.get(k) - soak.sentAt(k);
      }
    }
    lat = Arrays.copyOf(lat, n);
    Arrays.sort(lat);
    return lat;
  }

  private static double pct(long[] sorted, double q) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
  }

  private static boolean allReplied(AtomicIntegerArray replies, int from, int to) {
    for (int k = from; k < to; k++) {
      if (replies.get(k) == 0) {
        return false;
      }
    }
    return true;
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }

  static void deleteTree(Path dir) throws java.io.IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
