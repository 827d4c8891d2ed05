package com.tradewind.bot.cli;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import com.tradewind.bot.channels.slack.SlackConnector;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.config.SlackOptions;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.http.ApiServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Signed Slack events posted to {@code /slack/events} at increasing rates (open loop: the sender
 * does not wait for answers), replies caught by a fake Slack Web API in the same process: replies
 * per second, p50/p99 from sending the event to the reply reaching {@code chat.postMessage}, and
 * duplicate or missing replies. Events are DMs from a few thousand people continuing their
 * conversations, so Slack's one message per second per channel pacing is real but rarely waited on. The baseline posts the same signed
 * bodies at the same rates to a constant Vert.x endpoint.
 */
@Command(name = "bench-slack", mixinStandardHelpOptions = true, description = "Benchmark Slack events end to end against a local fake Slack API.")
final class BenchSlackCommand implements Callable<Integer> {

  @Option(names = "--rates", split = ",", defaultValue = "250,500,1000,1500,2000",
      description = "messages per second, one step each (default: ${DEFAULT-VALUE})")
  int[] rates;

  @Option(names = "--seconds", defaultValue = "5", description = "length of each step (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warm-up", defaultValue = "15", description = "seconds at 500 msg/s before measuring (default: ${DEFAULT-VALUE})")
  int warmUpSeconds;

  @Option(names = "--users", defaultValue = "5000", description = "people writing DMs (default: ${DEFAULT-VALUE})")
  int users;

  @Option(names = "--connections", defaultValue = "128", description = "HTTP connections of the sender (default: ${DEFAULT-VALUE})")
  int connections;

  private SlackBenchKit kit;

  /** One step's outcome. */
  private record Step(int rate, int sent, double repliesPerSecond, double p50, double p99, int missing, int duplicates,
      int errors, double cpuPerMessage) {}

  @Override
  public Integer call() throws Exception {
    try (BotRuntime bot = BotRuntime.start()) {
      Vertx vertx = bot.vertx();
      int total = Arrays.stream(rates).map(r -> r * seconds).sum() + 500 * (warmUpSeconds / 5) * 5;
      AtomicLongArray repliedAt = new AtomicLongArray(total);
      AtomicIntegerArray replies = new AtomicIntegerArray(total);
      kit = new SlackBenchKit(users);
      HttpServer fakeSlack = SlackBenchKit.fakeSlack(vertx, (i, now, token) -> {
        if (i >= 0 && replies.incrementAndGet(i) == 1) {
          repliedAt.set(i, now);
        }
      });
      SlackOptions options = new SlackOptions(SlackBenchKit.SECRET, "xoxb-bench", null,
          "http://127.0.0.1:" + fakeSlack.actualPort() + "/api", Set.of(), null);
      SlackConnector slack = new SlackConnector(vertx, options, SlackConnector.Tuning.defaults(), bot.dialogue(),
          new InMemoryInbox(Duration.ofHours(1), 1_000_000, Ticker.systemTicker()), new InMemoryFeedbackRecorder(),
          Clock.systemUTC());
      slack.start().await(10, TimeUnit.SECONDS);
      ApiServer server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), bot.knowledge(), bot.dialogue(),
          bot.config().knowledge().knowledgeDir()).with(slack.routes());
      int port = server.start().await(10, TimeUnit.SECONDS);
      HttpServer constant = SlackBenchKit.constantEndpoint(vertx);
      System.out.printf("%d cores, open-loop steps of %d s, %d sender connections, DMs from %d people%n",
          Runtime.getRuntime().availableProcessors(), seconds, connections, users);
      int[] next = {0};
      // warm-up: until the JIT has compiled the path, the first seconds are several times slower
      for (int w = 0; w < warmUpSeconds / 5; w++) {
        run(vertx, port, 500, 5, next, repliedAt, replies, false);
      }
      System.out.println("Slack events -> inbox -> dialogue -> chat.postMessage (latency: event sent to reply received)");
      System.out.printf("%8s %8s %10s %9s %9s %8s %6s %6s %9s%n", "rate/s", "sent", "replies/s", "p50 ms", "p99 ms", "missing",
          "dupes", "errors", "cpu ms/msg");
      double slackCpu = Double.MAX_VALUE;
      int sustained = 0;
      double sustainedP99 = 0;
      boolean clean = true;
      for (int rate : rates) {
        Step s = run(vertx, port, rate, seconds, next, repliedAt, replies, true);
        slackCpu = Math.min(slackCpu, s.cpuPerMessage());
        clean &= s.missing() == 0 && s.duplicates() == 0 && s.errors() == 0;
        if (s.missing() == 0 && s.duplicates() == 0 && s.errors() == 0 && s.repliesPerSecond() >= 0.95 * rate
            && s.p99() <= 100) {
          sustained = rate;
          sustainedP99 = s.p99();
        }
      }
      System.out.println("baseline: the same signed bodies to a constant Vert.x endpoint (latency: request to response)");
      double baseCpu = Double.MAX_VALUE;
      for (int rate : rates) {
        baseCpu = Math.min(baseCpu, baseline(vertx, constant.actualPort(), rate, next));
      }
      int cores = Runtime.getRuntime().availableProcessors();
      // CPU per message hardly depends on what else the machine runs, unlike latency; the lowest
      // step (the busiest, where fixed background work is spread over most messages) bounds the
      // rate the same cores could sustain if the process had them to itself
      System.out.printf("CPU per message at the busiest step (sender and fake Slack included): %.3f ms, baseline %.3f ms"
          + " (x%.1f); projection for %d idle cores: about %,.0f msg/s%n", slackCpu, baseCpu, slackCpu / baseCpu, cores,
          cores * 1000 / slackCpu);
      System.out.printf("sustained: %,d msg/s with p99 %.1f ms (target >= 1,000 msg/s, p99 <= 100 ms); %s%n", sustained,
          sustainedP99, clean ? "no duplicate or missing replies" : "DUPLICATE OR MISSING REPLIES");
      System.out.println("connector counts: " + slack.stats().snapshot());
      slack.stop().await(30, TimeUnit.SECONDS);
      server.stop().await(10, TimeUnit.SECONDS);
      return clean ? 0 : 1;
    }
  }

  private Step run(Vertx vertx, int port, int rate, int secs, int[] next, AtomicLongArray repliedAt,
      AtomicIntegerArray replies, boolean print) throws Exception {
    int first = next[0];
    int count = rate * secs;
    next[0] += count;
    long[] sentAt = new long[count];
    AtomicInteger errors = new AtomicInteger();
    long cpuBefore = SlackBenchKit.cpuNanos();
    send(vertx, port, rate, count, i -> first + i, sentAt, errors);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); // later than this counts as missing
    while (System.nanoTime() < deadline && !allReplied(replies, first, count)) {
      Thread.sleep(10);
    }
    double cpuPerMessage = (SlackBenchKit.cpuNanos() - cpuBefore) / 1e6 / count;
    Thread.sleep(200); // a late duplicate would show up now
    long lastReply = 0;
    long[] latency = new long[count];
    int missing = 0;
    int dupes = 0;
    int answered = 0;
    for (int i = 0; i < count; i++) {
      int n = replies.get(first + i);
      if (n == 0) {
        missing++;
        latency[i] = Long.MAX_VALUE;
        continue;
      }
      dupes += n - 1;
      answered++;
      latency[i] = repliedAt.get(first + i) - sentAt[i];
      lastReply = Math.max(lastReply, repliedAt.get(first + i));
    }
    Arrays.sort(latency);
    double p50 = latency[count / 2] / 1e6;
    double p99 = latency[Math.min(count - 1, (int) (count * 0.99))] / 1e6;
    double replyRate = answered / ((lastReply - sentAt[0]) / 1e9);
    Step step = new Step(rate, count, replyRate, p50, p99, missing, dupes, errors.get(), cpuPerMessage);
    if (print) {
      System.out.printf("%8d %8d %10.0f %9.2f %9s %8d %6d %6d %9.3f%n", rate, count, replyRate, p50,
          p99 > 1e9 ? "n/a" : String.format("%.2f", p99), missing, dupes, errors.get(), cpuPerMessage);
    }
    return step;
  }

  /** Returns the process CPU milliseconds spent per request. */
  private double baseline(Vertx vertx, int port, int rate, int[] next) throws Exception {
    int count = rate * seconds;
    int first = next[0];
    next[0] += count;
    long[] sentAt = new long[count];
    long[] doneAt = new long[count];
    AtomicInteger errors = new AtomicInteger();
    long cpuBefore = SlackBenchKit.cpuNanos();
    send(vertx, port, rate, count, i -> first + i, sentAt, errors, doneAt);
    double cpuPerMessage = (SlackBenchKit.cpuNanos() - cpuBefore) / 1e6 / count;
    long[] latency = new long[count];
    for (int i = 0; i < count; i++) {
      latency[i] = doneAt[i] - sentAt[i];
    }
    Arrays.sort(latency);
    System.out.printf("%8d %8d %10s %9.2f %9.2f %8s %6s %6d %9.3f%n", rate, count, "-", latency[count / 2] / 1e6,
        latency[(int) (count * 0.99)] / 1e6, "-", "-", errors.get(), cpuPerMessage);
    return cpuPerMessage;
  }

  private void send(Vertx vertx, int port, int rate, int count, java.util.function.IntUnaryOperator index, long[] sentAt,
      AtomicInteger errors) throws Exception {
    send(vertx, port, rate, count, index, sentAt, errors, null);
  }

  /** Sends {@code count} events at {@code rate} per second from a 5 ms timer and waits for every response. */
  private void send(Vertx vertx, int port, int rate, int count, java.util.function.IntUnaryOperator index, long[] sentAt,
      AtomicInteger errors, long[] doneAt) throws Exception {
    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    CountDownLatch done = new CountDownLatch(count);
    int[] sent = {0};
    long epochSecond = Clock.systemUTC().instant().getEpochSecond();
    SlackBenchKit.Signed[] events = new SlackBenchKit.Signed[count]; // signed up front: the sender should not compete with the bot for CPU
    for (int i = 0; i < count; i++) {
      events[i] = kit.event(index.applyAsInt(i), epochSecond);
    }
    long start = System.nanoTime();
    vertx.setPeriodic(5, timer -> {
      long due = Math.min(count, (System.nanoTime() - start) * rate / 1_000_000_000L + 1);
      while (sent[0] < due) {
        int i = sent[0]++;
        SlackBenchKit.Signed event = events[i];
        sentAt[i] = System.nanoTime();
        client.request(HttpMethod.POST, "/slack/events")
            .compose(req -> {
              req.headers().addAll(event.headers());
              return req.send(event.body());
            })
            .compose(resp -> {
              if (resp.statusCode() != 200) {
                errors.incrementAndGet();
              }
              return resp.body();
            })
            .onComplete(ar -> {
              if (doneAt != null) {
                doneAt[i] = System.nanoTime();
              }
              if (ar.failed()) {
                errors.incrementAndGet();
              }
              done.countDown();
            });
      }
      if (sent[0] >= count) {
        vertx.cancelTimer(timer);
      }
    });
    done.await(120, TimeUnit.SECONDS);
    client.close();
  }

  private static boolean allReplied(AtomicIntegerArray replies, int first, int count) {
    for (int i = 0; i < count; i++) {
      if (replies.get(first + i) == 0) {
        return false;
      }
    }
    return true;
  }
}
