package com.tradewind.bot.cli;

import com.tradewind.connectors.slack.SlackSignatureVerifier;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Slack benchmarks share: signed {@code event_callback} DMs that name their own index,
 * and a fake Slack Web API that reports which event each {@code chat.postMessage} answers.
 */
final class SlackBenchKit {

  static final String SECRET = "bench-signing-secret";
  /** Event {@code i} is written at {@code ts = TS_BASE + i}; the reply's {@code thread_ts} gives it back. */
  private static final long TS_BASE = 1_700_000_000L;
  /**
   * The chat benchmark's mix without "talk to a human": a handed-off conversation is silent by
   * design, which would count as missing replies for every later message of that person.
   */
  private static final List<String> MESSAGES = List.of(
      "hola", "¿dónde está mi pedido 8123456789012345?", "where is my order?", "track RR123456785CN",
      "平台仲裁要多久", "chcę zwrócić towar", "Wie lange dauert der Economy-Versand?", "how do I edit a shipping template?",
      "où est ma commande 8123456789012347", "сколько идёт стандартная доставка?", "merhaba", "ok",
      "como faço para devolver um produto", "こんにちは", "주문 상태 확인", "مرحبا، أين طلبي؟");

  /**
   * Called on a Vert.x thread for every {@code chat.postMessage}, with the event it answers (-1 when
   * its {@code thread_ts} names none) and the bot token it was sent with (which process sent it).
   */
  interface ReplySink {
    void replied(int event, long nanoTime, String token);
  }

  /** A signed request body with its Slack headers. */
  record Signed(Buffer body, MultiMap headers) {}

  private final SlackSignatureVerifier signer = new SlackSignatureVerifier(SECRET, Clock.systemUTC());
  private final int users;

  SlackBenchKit(int users) {
    this.users = users;
  }

  int users() {
    return users;
  }

  /** The {@code SLACK_*} variables of a bot whose Web API is the fake on {@code fakePort}. */
  static Map<String, String> env(int fakePort) {
    return Map.of("SLACK_BOT_TOKEN", "xoxb-bench", "SLACK_SIGNING_SECRET", SECRET,
        "SLACK_API_URL", "http://127.0.0.1:" + fakePort + "/api");
  }

  /**
   * Event {@code i}: a DM from one of {@code users} people continuing their conversation, written
   * in a thread whose root is the message itself, so the reply's {@code thread_ts} names the event.
   */
  Signed event(int i, long epochSecond) {
    String ts = (TS_BASE + i) + ".000100";
    JsonObject body = new JsonObject().put("token", "x").put("team_id", "TBENCH").put("api_app_id", "ABENCH")
        .put("type", "event_callback").put("event_id", "EvB" + i).put("event_time", epochSecond)
        .put("event", new JsonObject().put("type", "message").put("channel", "DB" + (i % users)).put("user", "UB" + (i % users))
            .put("text", MESSAGES.get(i % MESSAGES.size())).put("ts", ts).put("thread_ts", ts).put("event_ts", ts)
            .put("channel_type", "im"));
    Buffer buffer = body.toBuffer();
    String stamp = String.valueOf(epochSecond);
    MultiMap headers = MultiMap.caseInsensitiveMultiMap()
        .set("X-Slack-Request-Timestamp", stamp).set("X-Slack-Signature", signer.sign(stamp, buffer.getBytes()))
        .set("content-type", "application/json");
    return new Signed(buffer, headers);
  }

  /** A fake {@code auth.test} and {@code chat.postMessage} on a free port of 127.0.0.1. */
  static HttpServer fakeSlack(Vertx vertx, ReplySink sink) throws Exception {
    return vertx.createHttpServer()
        // a bot process killed mid-request resets its connections: expected, not an error to log
        .connectionHandler(connection -> connection.exceptionHandler(e -> { }))
        .requestHandler(req -> req.body().onSuccess(body -> {
      if (req.path().endsWith("/auth.test")) {
        req.response().end("{\"ok\":true,\"user_id\":\"UBENCHBOT\",\"bot_id\":\"BBENCH\",\"team_id\":\"TBENCH\"}");
        return;
      }
      long now = System.nanoTime();
      String auth = req.getHeader("Authorization");
      sink.replied(eventOf(body.toJsonObject().getString("thread_ts", "")), now,
          auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null);
      req.response().end("{\"ok\":true,\"ts\":\"1.1\"}");
    })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  private static int eventOf(String threadTs) {
    int dot = threadTs.indexOf('.');
    try {
      return dot < 0 ? -1 : (int) (Long.parseLong(threadTs.substring(0, dot)) - TS_BASE);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Answers every request with an empty 200 once its body is read: the floor of any endpoint. */
  static HttpServer constantEndpoint(Vertx vertx) throws Exception {
    return vertx.createHttpServer().requestHandler(r -> r.body().onSuccess(b -> r.response().end()))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
