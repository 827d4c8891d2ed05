package com.tradewind.bot.cli;

import com.tradewind.bot.commerce.CommerceDesk;
import com.tradewind.bot.commerce.OrderAccess;
import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.Asker;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.connectors.commerce.OrderProvider;
import com.tradewind.connectors.commerce.sample.SampleStore;
import com.tradewind.connectors.http.CachedProviders;
import com.tradewind.connectors.http.HttpPolicy;
import com.tradewind.connectors.http.ProviderHttp;
import com.tradewind.connectors.shopify.ShopifyOrders;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Order-status conversations through the whole dialogue against a local stub store (Shopify
 * GraphQL shape) that answers after a fixed delay: throughput, p50/p99, the order cache's hit
 * rate, provider calls, and Vert.x blocked-thread warnings (counted by the Vert.x checker
 * itself). The baseline is the same lookups sent straight to the stub, without dialogue or cache.
 */
@Command(name = "bench-orders", mixinStandardHelpOptions = true, description = "Benchmark order-status conversations against a slow local store stub.")
final class BenchOrdersCommand implements Callable<Integer> {

  @Option(names = "--conversations", defaultValue = "1000", description = "conversations (default: ${DEFAULT-VALUE})")
  int conversations;

  @Option(names = "--clients", defaultValue = "50", description = "concurrent conversations (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--orders", defaultValue = "200", description = "distinct orders asked about (default: ${DEFAULT-VALUE})")
  int orders;

  @Option(names = "--latency-ms", defaultValue = "50", description = "stub answer delay (default: ${DEFAULT-VALUE})")
  int latencyMs;

  @Override
  public Integer call() throws Exception {
    TradewindConfig config = TradewindConfig.load(System.getenv());
    Vertx vertx = Vertx.vertx();
    AtomicInteger blocked = new AtomicInteger();
    ((VertxInternal) vertx).blockedThreadChecker().setThreadBlockedHandler(event -> {
      blocked.incrementAndGet();
      System.err.println("blocked thread: " + event);
    });
    try {
      AtomicInteger stubCalls = new AtomicInteger();
      HttpServer stub = startStub(vertx, stubCalls);
      LanguageDetector detector = new LanguageDetector();
      KnowledgeService knowledge = new KnowledgeService(vertx, config.knowledge(), detector);
      knowledge.start(false).await(120, TimeUnit.SECONDS);
      String shop = "http://127.0.0.1:" + stub.actualPort();
      ProviderHttp http = new ProviderHttp(vertx, "shopify", HttpPolicy.defaults(), Clock.systemUTC());
      OrderProvider direct = new ShopifyOrders(http, shop, "bench-token");
      CachedProviders.Orders cached = new CachedProviders.Orders(direct,
          com.github.benmanes.caffeine.cache.Ticker.systemTicker());
      SampleStore sample = new SampleStore(config.conversation().sampleOrders(), Clock.systemUTC());
      DialogueEngine engine = DialogueAssembly.build(config.conversation(), knowledge, detector,
          new CommerceDesk(cached, sample, new OrderAccess(OrderAccess.WebAccess.OPEN, java.util.Map.of()),
              Duration.ofDays(7)));
      IntFunction<String> orderOf = i -> "#" + (1000 + (int) ((i * 7919L) % orders));
      System.out.printf("%d conversations, %d concurrent, %d distinct orders, stub answers in %d ms, %d cores%n",
          conversations, clients, orders, latencyMs, Runtime.getRuntime().availableProcessors());

      // Warm-up (class loading, JIT, connections) at low concurrency so no cold start trips the breaker.
      run(vertx, i -> direct.order("#" + (5000 + i)).map(o -> o.isPresent()), "warm-up", 200, 4);
      double[] base = run(vertx, i -> direct.order(orderOf.apply(i)).map(o -> o.isPresent()), "baseline: direct lookups",
          conversations, clients);
      stubCalls.set(0);
      double[] ours = run(vertx, i -> engine.handle(new IncomingMessage("web", "bench-" + i, "bench-" + i,
              "where is my order " + orderOf.apply(i) + "?", null, Asker.anonymous("web")))
          .map(BenchOrdersCommand::answered), "order-status conversations", conversations, clients);
      System.out.printf("order cache hit rate: %.1f%% (%d provider calls for %d conversations)%n",
          cached.cache().hitRate() * 100, stubCalls.get(), conversations);
      System.out.printf("ratio conversations/baseline: throughput x%.2f, p99 x%.2f%n", ours[0] / base[0],
          ours[2] / base[2]);
      System.out.printf("Vert.x blocked-thread warnings: %d%n", blocked.get());
      knowledge.close().await(10, TimeUnit.SECONDS);
      return blocked.get() == 0 && ours[3] == 0 ? 0 : 1;
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static boolean answered(Turn turn) {
    return turn.reply() != null && turn.reply().text().contains("#") && !turn.reply().text().contains("couldn't");
  }

  /** Returns {throughput per second, p50 ms, p99 ms, failures}. */
  private double[] run(Vertx vertx, IntFunction<Future<Boolean>> task, String label, int total, int concurrency)
      throws Exception {
    long[] nanos = new long[total];
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    Promise<Void> done = Promise.promise();
    long start = System.nanoTime();
    for (int c = 0; c < concurrency; c++) {
      vertx.runOnContext(v -> loop(task, total, concurrency, next, nanos, failures, finished, done));
    }
    done.future().await(300, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    double p50 = nanos[total / 2] / 1e6;
    double p99 = nanos[(int) (total * 0.99)] / 1e6;
    System.out.printf("%-28s %,8.0f /s  p50 %7.2f ms  p99 %7.2f ms  failures %d%n", label, total / seconds, p50,
        p99, failures.get());
    return new double[] {total / seconds, p50, p99, failures.get()};
  }

  private void loop(IntFunction<Future<Boolean>> task, int total, int concurrency, AtomicInteger next, long[] nanos,
      AtomicInteger failures, AtomicInteger finished, Promise<Void> done) {
    int i = next.getAndIncrement();
    if (i >= total) {
      if (finished.incrementAndGet() == concurrency) {
        done.tryComplete();
      }
      return;
    }
    long t = System.nanoTime();
    task.apply(i).onComplete(ar -> {
      nanos[i] = System.nanoTime() - t;
      if (ar.failed() || !ar.result()) {
        failures.incrementAndGet();
      }
      loop(task, total, concurrency, next, nanos, failures, finished, done);
    });
  }

  /** A Shopify GraphQL stand-in: any {@code name:#N} is a shipped order, answered after the delay. */
  private HttpServer startStub(Vertx vertx, AtomicInteger calls) throws Exception {
    return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
      calls.incrementAndGet();
      String q = body.toJsonObject().getJsonObject("variables").getString("q");
      String name = q.substring(q.indexOf(':') + 1);
      JsonObject order = new JsonObject().put("id", "gid://shopify/Order/" + name.substring(1)).put("name", name)
          .put("createdAt", Instant.now().minus(Duration.ofDays(3)).toString())
          .put("displayFinancialStatus", "PAID").put("displayFulfillmentStatus", "FULFILLED")
          .put("totalPriceSet", new JsonObject().put("shopMoney", new JsonObject().put("amount", "42.50")
              .put("currencyCode", "USD")))
          .put("lineItems", new JsonObject().put("nodes", new JsonArray().add(new JsonObject().put("title", "Mug")
              .put("quantity", 1))))
          .put("fulfillments", new JsonArray().add(new JsonObject().put("displayStatus", "IN_TRANSIT")
              .put("createdAt", Instant.now().minus(Duration.ofDays(2)).toString())
              .put("estimatedDeliveryAt", Instant.now().plus(Duration.ofDays(4)).toString())
              .put("trackingInfo", new JsonArray().add(new JsonObject().put("company", "UPS")
                  .put("number", "1Z5R89390357567127")))));
      String answer = new JsonObject().put("data", new JsonObject().put("orders", new JsonObject()
          .put("nodes", new JsonArray().add(order)))).encode();
      vertx.setTimer(latencyMs, t -> req.response().putHeader("content-type", "application/json").end(answer));
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }
}
