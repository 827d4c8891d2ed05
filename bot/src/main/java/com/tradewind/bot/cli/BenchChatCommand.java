package com.tradewind.bot.cli;

import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.knowledge.KnowledgeService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Load on {@code POST /api/v1/messages} from 64 concurrent clients in the same process, and the
 * same load on a plain Vert.x endpoint returning a constant: throughput, p50/p99 and heap, and
 * the ratio of the two. Orders come from the in-process sample store (no backend latency).
 */
@Command(name = "bench-chat", mixinStandardHelpOptions = true, description = "Benchmark /api/v1/messages against a constant Vert.x endpoint.")
final class BenchChatCommand implements Callable<Integer> {

  /** The common chat openers every support bot sees over and over. */
  private static final List<String> COMMON = List.of(
      "hola", "¿dónde está mi pedido 8123456789012345?", "where is my order?", "track RR123456785CN",
      "平台仲裁要多久", "chcę zwrócić towar", "Wie lange dauert der Economy-Versand?", "I want to talk to a human",
      "où est ma commande 8123456789012347", "сколько идёт стандартная доставка?", "merhaba", "ok",
      "como faço para devolver um produto", "こんにちは", "주문 상태 확인", "مرحبا، أين طلبي؟");

  @Option(names = "--requests", defaultValue = "20000", description = "requests per run (default: ${DEFAULT-VALUE})")
  int requests;

  /**
   * A server runs for days: what it costs while the JIT is still compiling the message path is a
   * start-up cost, not its speed. 5,000 requests left C2 compiling into the measured runs (on a
   * busy machine, 30,000-request runs cost 360–500 µs of CPU per message, 100,000-request runs 240).
   */
  @Option(names = "--warm-up", defaultValue = "20000",
      description = "requests to each endpoint before measuring, not counted (default: ${DEFAULT-VALUE})")
  int warmUp;

  @Option(names = "--clients", defaultValue = "64", description = "concurrent clients (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--messages", defaultValue = "config/eval/messages-eval.jsonl",
      description = "JSON lines with a \"text\" each, mixed with the common openers (default: ${DEFAULT-VALUE})")
  java.nio.file.Path messagesFile;

  @Option(names = "--language-cache", defaultValue = "20000",
      description = "texts whose detected language is remembered; 0 detects every message afresh (default: ${DEFAULT-VALUE})")
  int languageCache;

  @Option(names = "--rates", split = ",", defaultValue = "2000",
      description = "after the closed-loop runs, paced runs at these messages/s over the same clients (default: ${DEFAULT-VALUE}; 0 for none)")
  int[] rates;

  private List<String> messages;

  @Override
  public Integer call() throws Exception {
    messages = mix();
    try (BotRuntime bot = BotRuntime.start(new com.tradewind.knowledge.lang.LanguageDetector(true, languageCache))) {
      Vertx vertx = bot.vertx();
      KnowledgeService knowledge = bot.knowledge();
      ApiServer server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, bot.dialogue(),
          bot.config().knowledge().knowledgeDir());
      java.nio.file.Path opsDir = java.nio.file.Files.createTempDirectory("tradewind-bench-chat-");
      com.tradewind.bot.ops.Operations ops = withoutOps ? null : com.tradewind.bot.ops.Operations.install(vertx,
          com.tradewind.bot.metrics.BotMetrics.create(), new com.tradewind.bot.ops.OpsOptions(null,
              opsDir.resolve("insight.jsonl"), null), java.util.Map.of(), knowledge, bot.dialogue(), server);
      int port = server.start().await(10, TimeUnit.SECONDS);
      var constant = vertx.createHttpServer().requestHandler(r -> r.response()
              .putHeader("content-type", "application/json").end("{\"reply\":{\"text\":\"ok\"}}"))
          .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
      System.out.printf("%d requests, %d concurrent clients, %d cores, common pool of %d%n", requests, clients,
          Runtime.getRuntime().availableProcessors(), java.util.concurrent.ForkJoinPool.getCommonPoolParallelism());
      if (warmUp > 0) {
        run(vertx, constant.actualPort(), "/", warmUp, "warm-up constant", false);
        run(vertx, port, "/api/v1/messages", warmUp, "warm-up messages", false);
      }
      double[] base = run(vertx, constant.actualPort(), "/", requests, "constant Vert.x endpoint", true);
      double[] ours = run(vertx, port, "/api/v1/messages", requests, "/api/v1/messages", true);
      for (int rate : rates) {
        // the same clients, paced: latency at a given load, timed from when each message was due
        paced(vertx, constant.actualPort(), "/", requests, rate, "constant, paced");
        paced(vertx, port, "/api/v1/messages", requests, rate, "messages, paced");
      }
      System.out.printf("%d distinct texts; answers served from the answer cache: %.0f%%; languages from the language cache: %.0f%%%n",
          new java.util.HashSet<>(messages).size(), knowledge.answerCacheHitRate() * 100, bot.detector().cacheHitRate() * 100);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      System.out.printf("heap in use: %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
      System.out.printf("ratio messages/constant: throughput x%.2f, p50 x%.1f, p99 x%.1f (target >= 2,000 msg/s, p99 <= 25 ms)%n",
          ours[0] / base[0], ours[1] / base[1], ours[2] / base[2]);
      if (ops != null) {
        scrapeCheck(vertx, port);
        ops.close(vertx).await(10, TimeUnit.SECONDS);
      }
      return 0;
    }
  }

  @Option(names = "--without-ops", description = "no metrics, turn log or insight store (to measure their cost)")
  boolean withoutOps;

  /**
   * The common openers, then the held-out evaluation messages (182 sentences in 14 languages that
   * are not intent examples), interleaved so every stretch of the run sees both.
   */
  private List<String> mix() throws java.io.IOException {
    List<String> sentences = new java.util.ArrayList<>();
    if (java.nio.file.Files.exists(messagesFile)) {
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (String line : java.nio.file.Files.readAllLines(messagesFile)) {
        if (!line.isBlank()) {
          sentences.add(json.readTree(line).path("text").asText());
        }
      }
    }
    List<String> mixed = new java.util.ArrayList<>();
    for (int i = 0; i < Math.max(COMMON.size(), sentences.size()); i++) {
      mixed.add(COMMON.get(i % COMMON.size()));
      if (i < sentences.size()) {
        mixed.add(sentences.get(i));
      }
    }
    return mixed;
  }

  /** Scrapes /metrics as Prometheus would and checks that the message counts add up. */
  private static void scrapeCheck(Vertx vertx, int port) throws Exception {
    var client = vertx.createHttpClient();
    String scrape = client.request(HttpMethod.GET, port, "127.0.0.1", "/metrics")
        .compose(req -> req.send().compose(io.vertx.core.http.HttpClientResponse::body))
        .await(10, TimeUnit.SECONDS).toString();
    client.close();
    double in = sum(scrape, "tradewind_messages_in_total");
    double out = sum(scrape, "tradewind_messages_out_total");
    double silent = sum(scrape, "tradewind_turns_total", "outcome=\"silent\"");
    double handoffs = sum(scrape, "tradewind_handoffs_total");
    System.out.printf("/metrics: messages in %,.0f = replies out %,.0f + silent (person has it) %,.0f: %s; "
        + "hand-offs started %,.0f%n", in, out, silent, in == out + silent ? "consistent" : "INCONSISTENT", handoffs);
  }

  private static double sum(String scrape, String metric, String... labels) {
    double total = 0;
    for (String line : scrape.split("\n")) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        boolean match = java.util.Arrays.stream(labels).allMatch(line::contains);
        if (match) {
          total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return total;
  }

  /** Returns {throughput, p50 ms, p99 ms}. */
  private double[] run(Vertx vertx, int port, String path, int total, String label, boolean print) throws Exception {
    var client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients));
    long[] nanos = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    AtomicInteger finished = new AtomicInteger();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long allocatedStart = threads.getTotalThreadAllocatedBytes();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      int clientId = c;
      vertx.runOnContext(v -> loop(client, path, clientId, next, total, nanos, errors, finished, done));
    }
    done.future().await(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    // CPU per request (server, client and JVM together) stays comparable on a busy machine
    double cpuMicros = (os.getProcessCpuTime() - cpuStart) / 1e3 / total;
    // heap allocated per request by every thread (server, client, JVM): what the collector has to reclaim
    double allocatedKb = (threads.getTotalThreadAllocatedBytes() - allocatedStart) / 1024.0 / total;
    client.close();
    Arrays.sort(nanos);
    double p50 = nanos[total / 2] / 1e6;
    double p99 = nanos[(int) (total * 0.99)] / 1e6;
    if (print) {
      System.out.printf("%-26s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  CPU %,5.0f µs/req  heap %,5.1f KB/req  errors %d%n",
          label, total / seconds, p50, p99, cpuMicros, allocatedKb, errors.get());
    }
    return new double[] {total / seconds, p50, p99};
  }

  /**
   * Open loop: message i is due at start + i/rate whatever the replies do, and its latency counts
   * from that moment, so a stall shows up in every message it delays (no coordinated omission).
   * At most {@code clients} requests are in flight; the rest wait in the client's queue.
   */
  private void paced(Vertx vertx, int port, String path, int total, int rate, String label) throws Exception {
    if (rate <= 0) {
      return;
    }
    var client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(clients).setMaxWaitQueueSize(-1));
    long[] nanos = new long[total];
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    int[] next = {0};
    long timer = vertx.setPeriodic(1, id -> {
      long now = System.nanoTime();
      while (next[0] < total && start + next[0] * interval <= now) {
        int i = next[0]++;
        long due = start + i * interval;
        send(client, path, i % clients, i).onComplete(ar -> {
          nanos[i] = System.nanoTime() - due;
          if (ar.failed() || ar.result() != 200) {
            errors.incrementAndGet();
          }
          if (finished.incrementAndGet() == total) {
            done.tryComplete();
          }
        });
      }
    });
    done.future().await(300, TimeUnit.SECONDS);
    vertx.cancelTimer(timer);
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close();
    Arrays.sort(nanos);
    System.out.printf("%-26s %,8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  (offered %,d/s)  errors %d%n", label,
        total / seconds, nanos[total / 2] / 1e6, nanos[(int) (total * 0.99)] / 1e6, nanos[total - 1] / 1e6, rate,
        errors.get());
  }

  /** One message of client {@code clientId}, four messages to a conversation; completes with the status code. */
  private Future<Integer> send(io.vertx.core.http.HttpClient client, String path, int clientId, int i) {
    Buffer body = new JsonObject().put("user", "bench-" + clientId).put("conversation", "bench-" + clientId + "-" + (i / 4))
        .put("text", messages.get(i % messages.size())).toBuffer();
    return client.request(HttpMethod.POST, path)
        .compose(req -> req.putHeader("content-type", "application/json").send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()));
  }

  private void loop(io.vertx.core.http.HttpClient client, String path, int clientId, AtomicInteger next, int total,
      long[] nanos, AtomicInteger errors, AtomicInteger finished, Promise<Void> done) {
    int i = next.getAndIncrement();
    if (i >= total) {
      if (finished.incrementAndGet() == clients) {
        done.tryComplete();
      }
      return;
    }
    long t = System.nanoTime();
    send(client, path, clientId, i).onComplete(ar -> {
      nanos[i] = System.nanoTime() - t;
      if (ar.failed() || ar.result() != 200) {
        errors.incrementAndGet();
      }
      loop(client, path, clientId, next, total, nanos, errors, finished, done);
    });
  }
}
