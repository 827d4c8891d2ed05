package com.tradewind.bot.cli;

import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.insight.InsightStore;
import com.tradewind.bot.insight.JsonLinesJournal;
import com.tradewind.bot.logging.SecretMasker;
import com.tradewind.bot.metrics.BotMetrics;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of the operations bookkeeping per turn: metrics, the insight journal (write, then
 * replay as at start-up) and grouping of unanswered questions, on generated turns. The baseline
 * is the same loop with no observer, in the same process.
 */
@Command(name = "bench-ops", mixinStandardHelpOptions = true, description = "Benchmark metrics, the insight journal and question grouping.")
final class BenchOpsCommand implements Callable<Integer> {

  @Option(names = "--turns", defaultValue = "100000", description = "turns to record (default: ${DEFAULT-VALUE})")
  int turns;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    Path dir = Files.createTempDirectory("tradewind-bench-ops-");
    try {
      List<TurnEvent> events = events(turns);
      long t0 = System.nanoTime();
      long sink = 0;
      for (TurnEvent e : events) {
        sink += e.question().length(); // the baseline: touching each event, nothing recorded
      }
      double baseNs = (System.nanoTime() - t0) / (double) turns;

      BotMetrics metrics = BotMetrics.create();
      for (int i = 0; i < Math.min(turns, 20_000); i++) {
        metrics.observed(events.get(i)); // warm-up
      }
      t0 = System.nanoTime();
      for (TurnEvent e : events) {
        metrics.observed(e);
      }
      double metricsNs = (System.nanoTime() - t0) / (double) turns;

      SecretMasker masker = SecretMasker.fromEnvironment(System.getenv());
      String[] texts = {"¿Cuántos días tengo para devolver un producto 8123456789012345?",
          "call me at +55 11 91234-5678 about the parcel RR123456785CN", "平台仲裁要多久，我的地址是建国路88号"};
      for (int i = 0; i < 20_000; i++) {
        sink += masker.mask(texts[i % texts.length]).length(); // warm-up
      }
      t0 = System.nanoTime();
      for (int i = 0; i < turns; i++) {
        sink += masker.mask(texts[i % texts.length]).length();
      }
      double maskUs = (System.nanoTime() - t0) / 1000.0 / turns;

      Path file = dir.resolve("insight.jsonl");
      JsonLinesJournal journal = new JsonLinesJournal(vertx, file);
      InsightStore store = new InsightStore(journal, new SecretMasker(List.of()), Clock.systemUTC());
      store.load(vertx).await(10, TimeUnit.SECONDS);
      t0 = System.nanoTime();
      // as in the server: observed on an event loop, written by the worker behind it; records are
      // written in order, so the marker appended last is written last
      long[] loopNanos = new long[1];
      Future<Void> done = vertx.executeBlocking(() -> null).compose(x -> {
        long start = System.nanoTime();
        events.forEach(store::observed);
        loopNanos[0] = System.nanoTime() - start;
        return store.flushed().compose(v -> journal.append(new io.vertx.core.json.JsonObject().put("t", "bench-end")
            .put("at", Instant.now().toString())));
      });
      done.await(300, TimeUnit.SECONDS);
      double writeUs = (System.nanoTime() - t0) / 1000.0 / turns;
      double loopUs = loopNanos[0] / 1000.0 / turns;
      store.close().await(10, TimeUnit.SECONDS);
      long bytes = Files.size(file);

      InsightStore replayed = new InsightStore(new JsonLinesJournal(vertx, file), new SecretMasker(List.of()),
          Clock.systemUTC());
      t0 = System.nanoTime();
      int records = replayed.load(vertx).await(120, TimeUnit.SECONDS);
      double replayMs = (System.nanoTime() - t0) / 1e6;

      t0 = System.nanoTime();
      int groups = replayed.groups().size();
      double groupMs = (System.nanoTime() - t0) / 1e6;

      System.out.printf("%d turns (%d records, %.1f MB journal), %d cores%n", turns, records, bytes / 1e6,
          Runtime.getRuntime().availableProcessors());
      System.out.printf("baseline loop:            %8.2f µs/turn%n", baseNs / 1000);
      System.out.printf("metrics (Micrometer):     %8.2f µs/turn (x%.0f the baseline)%n", metricsNs / 1000,
          metricsNs / Math.max(baseNs, 1));
      System.out.printf("masking one question:     %8.2f µs (also paid by every string in a log line)%n", maskUs);
      System.out.printf("insight store, on the loop: %6.2f µs/turn (queued for a worker)%n", loopUs);
      System.out.printf("insight recorded + written: %6.2f µs/turn until on disk (records built, questions masked, "
          + "written in batches, on workers)%n", writeUs);
      System.out.printf("replay at start-up:       %8.0f ms (%.2f µs/record)%n", replayMs, replayMs * 1000 / records);
      System.out.printf("grouping %d gaps:        %8.0f ms -> %d groups%n", Math.min(countGaps(events),
          20_000), groupMs, groups);
      return sink < 0 ? 1 : 0;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long countGaps(List<TurnEvent> events) {
    return events.stream().filter(e -> e.outcome() == TurnEvent.Outcome.NOT_ANSWERED).count();
  }

  /** Turns shaped like support traffic: a third answered, a tenth unanswered, the rest other replies. */
  private static List<TurnEvent> events(int n) {
    String[] langs = {"en", "zh", "es", "ru", "pt", "de"};
    String[] docs = {"buyer/%s/tracking.md", "buyer/%s/returns-and-refunds.md", "buyer/%s/disputes.md",
        "buyer/%s/delivery-times.md", "seller/%s/fees.md", "seller/%s/shipping-templates.md"};
    List<TurnEvent> out = new ArrayList<>(n);
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      String lang = langs[i % langs.length];
      TurnEvent.Outcome outcome = i % 10 == 0 ? TurnEvent.Outcome.NOT_ANSWERED
          : i % 3 == 0 ? TurnEvent.Outcome.ANSWERED : TurnEvent.Outcome.REPLIED;
      List<SearchHit> hits = new ArrayList<>();
      if (outcome != TurnEvent.Outcome.REPLIED) {
        for (int k = 0; k < 3; k++) {
          String path = docs[(i / 10 + k) % docs.length].formatted(lang);
          hits.add(new SearchHit(path + "#" + k, "Title " + k, "Section", path, lang, "text", "snippet", 3.0 - k));
        }
      }
      out.add(new TurnEvent(now.minusSeconds(n - i), i % 4 == 0 ? "whatsapp" : "web", "c" + (i % 5000), "u" + i,
          "question number " + (i % 700) + " about topic " + (i / 10 % 6), null, lang,
          outcome == TurnEvent.Outcome.REPLIED ? "order_status" : "knowledge", outcome,
          outcome == TurnEvent.Outcome.ANSWERED ? String.format("%020x", i) : null, hits, false,
          Duration.ofMillis(5 + i % 40)));
    }
    return out;
  }
}
