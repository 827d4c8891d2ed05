package com.tradewind.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The crash test of the test suite ({@link CrashDrill}) as long as wanted: {@code serve} in child
 * processes SIGKILLed and restarted while signed Slack events arrive; exits 1 on any event lost,
 * never acknowledged or answered twice other than by a crash.
 */
@Command(name = "bench-crash", mixinStandardHelpOptions = true, description = "Crash test: SIGKILL bot processes while Slack events arrive, count replies.")
final class BenchCrashCommand implements Callable<Integer> {

  @Option(names = "--messages", defaultValue = "10000", description = "Slack events (default: ${DEFAULT-VALUE})")
  int messages;

  @Option(names = "--kills", defaultValue = "20", description = "SIGKILLs, each followed by a restart (default: ${DEFAULT-VALUE})")
  int kills;

  @Option(names = "--nodes", defaultValue = "1", description = "bot processes; more than one share Redis"
      + " (default: ${DEFAULT-VALUE})")
  int nodes;

  @Option(names = "--redis", description = "Redis URL for the nodes, under a fresh key prefix deleted afterwards"
      + " (default with --nodes > 1: redis://127.0.0.1:6379; without: one node with the journal inbox)")
  String redisUrl;

  @Option(names = "--rate", defaultValue = "40", description = "new events per second (default: ${DEFAULT-VALUE})")
  int rate;

  @Option(names = "--users", defaultValue = "100", description = "people writing DMs, one conversation each"
      + " (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--env", description = "more environment for the bot processes, e.g. --env TRADEWIND_INBOX=memory"
      + " to watch the drill catch what an inbox without durability loses")
  java.util.Map<String, String> env = java.util.Map.of();

  @Option(names = "--seed", description = "seed of the kill moments and re-sends (default: random, printed)")
  Long seed;

  @Override
  public Integer call() throws Exception {
    if (messages < 1 || kills < 0 || nodes < 1 || rate < 1 || users < 1) {
      throw new IllegalArgumentException("--messages, --nodes, --rate and --users must be at least 1, --kills at least 0");
    }
    String redis = redisUrl != null ? redisUrl : nodes > 1 ? "redis://127.0.0.1:6379" : null;
    if (redis == null && nodes > 1) {
      throw new IllegalArgumentException("several nodes need Redis (--redis)");
    }
    CrashDrill.Settings base = redis == null ? CrashDrill.Settings.journal(messages, kills)
        : CrashDrill.Settings.cluster(redis, messages, kills);
    CrashDrill.Settings settings = new CrashDrill.Settings(messages, users, rate, kills, nodes, redis, base.lifeMin(),
        base.lifeMax(), base.resendShare(), base.repeatWindow(), base.claimIdleSeconds(),
        seed != null ? seed : base.seed(), base.jvmOptions(), env);
    CrashDrill.Report report = CrashDrill.run(settings, System.out);
    System.out.println(report.summary());
    if (!report.passed()) {
      System.out.println("FAIL:" + report.details());
      return 1;
    }
    System.out.println("PASS: every event acknowledged and answered; every repeat from a reply sent in the instant"
        + " before a kill");
    return 0;
  }
}
