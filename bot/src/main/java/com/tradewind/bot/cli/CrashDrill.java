package com.tradewind.bot.cli;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Issue 6's crash test with whole bot processes: {@code tradewind serve} runs in child JVMs (one
 * with the journal inbox, or several sharing Redis) with its Slack connector on and its Web API
 * at a fake in this process that records every {@code chat.postMessage}. Signed DMs are posted
 * as Slack does (see {@link RedeliveringSender}) while a process is SIGKILLed at random moments
 * and restarted, again and again. At the end every event must have been acknowledged and
 * answered; an event answered twice must be the one repeat a crash can cause
 * ({@link ReplyLedger}). Used by the test suite (small) and {@code bench-crash} (as long as
 * wanted).
 */
final class CrashDrill {

  /**
   * @param redisUrl null: one node with the journal inbox; set: {@code nodes} nodes sharing this
   *     Redis under a fresh key prefix (deleted afterwards)
   * @param lifeMin a process is killed this long (uniformly up to {@code lifeMax}) after its first reply
   * @param repeatWindow how long before its sender's kill a repeated reply may have been accepted
   * @param claimIdleSeconds cluster mode: {@code TRADEWIND_DELIVERY_CLAIM_IDLE_SECONDS} of the nodes
   * @param env more environment for the bot processes (e.g. {@code TRADEWIND_INBOX=memory}, to see
   *     the drill catch what an inbox without durability loses)
   */
  record Settings(int messages, int users, int rate, int kills, int nodes, String redisUrl, Duration lifeMin,
      Duration lifeMax, double resendShare, Duration repeatWindow, int claimIdleSeconds, long seed,
      List<String> jvmOptions, Map<String, String> env) {

    /** One node with the journal inbox under its data folder. */
    static Settings journal(int messages, int kills) {
      return new Settings(messages, 100, 40, kills, 1, null, Duration.ofMillis(50), Duration.ofMillis(2_000), 0.1,
          Duration.ofSeconds(3), 5, System.nanoTime(), defaultJvm(), Map.of());
    }

    /** Nodes sharing Redis (two, the usual smallest cluster). */
    static Settings cluster(String redisUrl, int messages, int kills) {
      return new Settings(messages, 100, 40, kills, 2, redisUrl, Duration.ofMillis(50), Duration.ofMillis(2_000), 0.1,
          Duration.ofSeconds(3), 5, System.nanoTime(), defaultJvm(), Map.of());
    }

    /** Small heaps and C1 only: short-lived processes on a machine the test shares. */
    static List<String> defaultJvm() {
      return List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8");
    }
  }

  /**
   * What happened: {@code deliveries} HTTP requests for {@code messages} events, of which {@code
   * notAcknowledged} got no 2xx (and were sent again) and {@code resentAcknowledged} were re-sends
   * of acknowledged events; {@code leftInRedis} the stream entries left (cluster mode, else -1).
   */
  record Report(Settings settings, int processes, int kills, int deliveries, int notAcknowledged,
      int resentAcknowledged, int acknowledged, ReplyLedger.Tally tally, long leftInRedis, double seconds,
      Path logs) {

    /** Acknowledged, never answered. */
    int lost() {
      return tally.lost().size();
    }

    /** Never acknowledged with a 2xx however often they were sent: the bot did not come back. */
    int unacknowledged() {
      return settings.messages() - acknowledged;
    }

    boolean passed() {
      return lost() == 0 && unacknowledged() == 0 && tally.unexplained() == 0 && tally.unexpected() == 0
          && leftInRedis <= 0;
    }

    String summary() {
      var repeats = tally.repeats();
      return String.format(java.util.Locale.ROOT,
          "crash drill (seed %d): %s, %,d messages from %,d people, %d SIGKILLs, %d processes, %.1f s%n"
              + "  deliveries %,d: %,d not acknowledged with 2xx (sent again), %,d acknowledged ones sent again%n"
              + "  acknowledged %,d of %,d; replies %,d; lost %d; duplicates %d (%d explained: accepted %.1f ms (median),"
              + " at most %.1f ms before their process was killed, answered again by %s), %d unexplained, %d unexpected"
              + " replies%s",
          settings.seed(), settings.redisUrl() == null ? "1 node (journal inbox)"
              : settings.nodes() + " nodes (Redis inbox)",
          settings.messages(), settings.users(), kills, processes, seconds, deliveries, notAcknowledged,
          resentAcknowledged, acknowledged, settings.messages(), tally.replies(), lost(), repeats.size(),
          repeats.size() - tally.unexplained(), tally.medianBeforeKillMillis(), tally.maxBeforeKillMillis(),
          settings.redisUrl() == null ? "the restarted process" : "another process",
          tally.unexplained(), tally.unexpected(),
          leftInRedis < 0 ? "" : String.format("; %d entries left in the Redis stream", leftInRedis));
    }

    /** The repeats, lost events and the logs' folder, for a failure message. */
    String details() {
      StringBuilder s = new StringBuilder();
      tally.repeats().stream().limit(20).forEach(r -> s.append("\n  event ").append(r.event()).append(": ")
          .append(r.first()).append(" then ").append(r.second()).append(", ")
          .append(r.beforeKillNanos() == Long.MAX_VALUE ? "first sender not killed"
              : String.format("%.1f ms before the kill", r.beforeKillNanos() / 1e6))
          .append(r.explained() ? "" : " UNEXPLAINED"));
      if (!tally.lost().isEmpty()) {
        s.append("\n  lost events: ").append(tally.lost().stream().limit(30).toList());
      }
      if (logs != null) {
        s.append("\n  process logs kept in ").append(logs);
      }
      return s.toString();
    }
  }

  private static final String TINY_KNOWLEDGE = """
      # Returns

      You can return an item within 30 days of delivery. Start the return from the order page.
      """;

  private CrashDrill() {}

  static Report run(Settings s, PrintStream out) throws Exception {
    long t0 = System.nanoTime();
    Path dir = Files.createTempDirectory("tradewind-crash");
    Path knowledge = Files.createDirectories(dir.resolve("knowledge"));
    Files.writeString(knowledge.resolve("returns.md"), TINY_KNOWLEDGE);
    String prefix = "tw-crash:" + UUID.randomUUID() + ":";
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    ReplyLedger ledger = new ReplyLedger(s.messages());
    SlackBenchKit kit = new SlackBenchKit(s.users());
    RedeliveringSender sender = new RedeliveringSender(vertx, kit, s.nodes(), s.messages(), s.resendShare(), s.seed());
    Random random = new Random(s.seed());
    BotProcess[] nodes = new BotProcess[s.nodes()];
    int processes = 0;
    int kills = 0;
    boolean passed = false;
    try {
      HttpServer fake = SlackBenchKit.fakeSlack(vertx, ledger::replied);
      Map<String, String> common = new HashMap<>(SlackBenchKit.env(fake.actualPort()));
      common.putAll(Map.of("TRADEWIND_HTTP_HOST", "127.0.0.1", "TRADEWIND_HTTP_PORT", "0",
          "TRADEWIND_KNOWLEDGE_DIR", knowledge.toString(), "TRADEWIND_KNOWLEDGE_WATCH", "false"));
      common.putAll(s.env());
      if (s.redisUrl() != null) {
        common.putAll(Map.of("TRADEWIND_REDIS_URL", s.redisUrl(), "TRADEWIND_REDIS_KEY_PREFIX", prefix,
            "TRADEWIND_DELIVERY_CLAIM_IDLE_SECONDS", String.valueOf(s.claimIdleSeconds())));
      }
      String[] tokens = new String[s.nodes()];
      for (int n = 0; n < s.nodes(); n++) {
        tokens[n] = "xoxb-crash-" + (++processes);
        nodes[n] = start(dir, common, s, n, tokens[n]);
      }
      for (int n = 0; n < s.nodes(); n++) {
        sender.up(n, nodes[n].awaitPort(120));
      }
      sender.start(s.rate());
      for (int k = 0; k < s.kills(); k++) {
        int victim = k % s.nodes();
        // A process is killed while it works, at a random moment once it has answered something and
        // the k-th share of the events was acknowledged, so the kills spread over the whole run.
        String working = tokens[victim];
        int share = (int) ((long) s.messages() * (k + 1) / (s.kills() + 1));
        waitFor(() -> ledger.repliesFrom(working) > 0 && sender.acknowledgedCount() >= share, 120);
        long life = s.lifeMin().toMillis() + (long) (random.nextDouble()
            * (s.lifeMax().toMillis() - s.lifeMin().toMillis()));
        Thread.sleep(life);
        int replied = ledger.repliesFrom(working);
        sender.down(victim);
        ledger.killed(tokens[victim], nodes[victim].kill());
        kills++;
        tokens[victim] = "xoxb-crash-" + (++processes);
        nodes[victim] = start(dir, common, s, victim, tokens[victim]);
        sender.up(victim, nodes[victim].awaitPort(120));
        out.printf("kill %d of %d: node %d, %d ms after its first reply, %d replies; so far acknowledged %,d,"
            + " answered %,d of %,d; not acknowledged: %s%n", k + 1, s.kills(), victim, life, replied,
            sender.acknowledgedCount(), ledger.answered(), s.messages(), sender.failures());
      }
      long lastKill = System.nanoTime();
      // However long the backlog takes to drain; a failure is 30 s without progress.
      waitWhileProgressing(sender::finished, sender::acknowledgedCount, 30);
      waitWhileProgressing(() -> ledger.answered() == s.messages(), ledger::answered, 30);
      // A repeat comes after the restart's replay or, in cluster mode, after the dead node's
      // messages were claimed: wait past that and until replies stop.
      long settle = lastKill + TimeUnit.SECONDS.toNanos(s.redisUrl() == null ? 2 : 2L * s.claimIdleSeconds() + 1);
      waitFor(() -> System.nanoTime() > settle && System.nanoTime() - ledger.lastReplyAt() > TimeUnit.SECONDS.toNanos(2),
          60);
      long left = s.redisUrl() == null ? -1 : streamLength(vertx, s.redisUrl(), prefix);
      for (BotProcess node : nodes) {
        node.stop();
      }
      Report report = new Report(s, processes, kills, sender.deliveries(), sender.notAcknowledged(),
          sender.resentAcknowledged(), sender.acknowledgedCount(),
          ledger.tally(sender::acknowledged, s.repeatWindow().toNanos()), left,
          (System.nanoTime() - t0) / 1e9, null);
      passed = report.passed();
      return passed ? report : new Report(s, processes, kills, report.deliveries(), report.notAcknowledged(),
          report.resentAcknowledged(), report.acknowledged(), report.tally(), left, report.seconds(), dir);
    } finally {
      for (BotProcess node : nodes) {
        if (node != null && node.alive()) {
          node.kill();
        }
      }
      sender.close();
      if (s.redisUrl() != null) {
        SoakRedis.deleteKeys(vertx, s.redisUrl(), prefix);
      }
      vertx.close().await(10, TimeUnit.SECONDS);
      if (passed) {
        BenchSoakCommand.deleteTree(dir);
      }
    }
  }

  private static BotProcess start(Path dir, Map<String, String> common, Settings s, int node, String token)
      throws IOException {
    Map<String, String> env = new HashMap<>(common);
    env.put("SLACK_BOT_TOKEN", token); // which process sent a reply
    env.put("TRADEWIND_DATA_DIR", dir.resolve("node" + node).toString());
    return BotProcess.start(env, s.jvmOptions(), dir.resolve("node" + node + "-" + token + ".log"));
  }

  /** Entries still in the cluster's inbox stream: answered ones are deleted, so 0 once all is done. */
  private static long streamLength(Vertx vertx, String url, String prefix) throws Exception {
    var link = com.tradewind.bot.cluster.RedisLink.open(vertx, url).await(10, TimeUnit.SECONDS);
    try {
      return link.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.XLEN)
          .arg(new com.tradewind.bot.cluster.RedisKeys(prefix).inboxStream())).await(10, TimeUnit.SECONDS).toLong();
    } finally {
      link.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static void waitWhileProgressing(BooleanSupplier condition, java.util.function.IntSupplier progress,
      int stallSeconds) throws InterruptedException {
    int seen = progress.getAsInt();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(stallSeconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
      if (progress.getAsInt() != seen) {
        seen = progress.getAsInt();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(stallSeconds);
      }
    }
  }

  private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
