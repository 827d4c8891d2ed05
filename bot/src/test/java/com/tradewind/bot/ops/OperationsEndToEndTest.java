package com.tradewind.bot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Messages through the real HTTP API, then what operations see of them: the Prometheus scrape,
 * the feedback stored per answer, the unanswered questions, all of it again after a restart.
 */
class OperationsEndToEndTest {

  private static JsonObject say(WebClient client, OpsTestBot bot, String conversation, String text, String action)
      throws Exception {
    JsonObject body = new JsonObject().put("user", "u-" + conversation).put("conversation", conversation).put("text", text);
    if (action != null) {
      body.put("action", action);
    }
    HttpResponse<Buffer> r = client.post(bot.port, "127.0.0.1", "/api/v1/messages").sendJsonObject(body)
        .await(30, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  private static String scrape(WebClient client, OpsTestBot bot) throws Exception {
    HttpResponse<Buffer> r = client.get(bot.port, "127.0.0.1", "/metrics").send().await(10, TimeUnit.SECONDS);
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("content-type").startsWith("text/plain"), r.getHeader("content-type"));
    return r.bodyAsString();
  }

  /** The sum of every sample of a metric (all label values). */
  static double sum(String scrape, String metric) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(?:\\{[^}]*})? ([0-9.eE+-]+)$").matcher(scrape);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }

  @Test
  void metricsFeedbackAndGapsAreConsistentAndSurviveARestart() throws Exception {
    Path data = Files.createTempDirectory("tradewind-ops-e2e-").resolve("data");
    String answerId;
    try (OpsTestBot bot = OpsTestBot.start(data, OpsTestBot.TOKEN)) {
      WebClient client = WebClient.create(bot.vertx);
      JsonObject answer = say(client, bot, "c1", "平台仲裁要多久", null);
      JsonArray buttons = answer.getJsonObject("reply").getJsonArray("buttons");
      String helpful = buttons.getJsonObject(0).getString("id");
      assertTrue(helpful.startsWith("helpful:"), helpful);
      answerId = helpful.substring("helpful:".length());
      assertEquals(answerId, answer.getJsonObject("reply").getString("answerId"));
      assertEquals("not_helpful:" + answerId, buttons.getJsonObject(1).getString("id"));
      say(client, bot, "c1", "有用", "not_helpful:" + answerId);
      say(client, bot, "c2", "How do I edit a shipping template?", null);
      say(client, bot, "c3", "What is the warranty policy for refurbished drones in Antarctica?", null);
      say(client, bot, "c3", "hola", null);
      JsonObject handoff = say(client, bot, "c4", "I want to talk to a human", "human");
      assertTrue(handoff.getBoolean("handoff"));
      JsonObject silent = say(client, bot, "c4", "hello?", null);
      assertNull(silent.getValue("reply"));
      // an old-style button without an answer id still gets its thanks
      JsonObject thanks = say(client, bot, "c2", "Useful", "helpful");
      assertNotNull(thanks.getJsonObject("reply"));

      String metrics = scrape(client, bot);
      double in = sum(metrics, "tradewind_messages_in_total");
      double out = sum(metrics, "tradewind_messages_out_total");
      double silentTurns = sum(metrics, "tradewind_turns_total{channel=\"web\",outcome=\"silent\"}");
      assertEquals(8, in, metrics);
      assertEquals(in, out + silentTurns, "messages in = replies out + silent turns");
      assertEquals(1, sum(metrics, "tradewind_handoffs_total"));
      assertEquals(1, sum(metrics, "tradewind_feedback_total"));
      assertEquals(8, sum(metrics, "tradewind_reply_latency_seconds_count"));
      assertTrue(metrics.contains("tradewind_reply_latency_seconds_bucket{"), "latency histogram buckets");
      assertTrue(metrics.contains("tradewind_messages_in_total{channel=\"web\",intent=\"knowledge\",language=\"zh\"}"));
      assertTrue(metrics.contains("cache_gets_total{cache=\"knowledge_answers\""), "answer cache metrics");
      assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
      assertTrue(metrics.contains("vertx_http_server_requests_total"), "Vert.x HTTP server metrics");
      assertTrue(metrics.contains("tradewind_event_loop_delay_seconds"), "event-loop delay");

      bot.metrics.webhookRejected("whatsapp", "bad_signature");
      bot.metrics.outboundRetry("slack");
      bot.metrics.backendCall("shopify", "timeout");
      bot.metrics.circuitState("shopify", com.tradewind.bot.metrics.BotMetrics.CircuitState.OPEN);
      metrics = scrape(client, bot);
      assertEquals(1, sum(metrics, "tradewind_webhook_rejected_total{channel=\"whatsapp\",reason=\"bad_signature\"}"));
      assertEquals(1, sum(metrics, "tradewind_outbound_retries_total"));
      assertEquals(2, sum(metrics, "tradewind_circuit_state{provider=\"shopify\"}"));

      bot.ops.insight().flushed().await(10, TimeUnit.SECONDS);
      assertEquals(List.of(0, 1), votes(bot, answerId));
      assertEquals(Boolean.FALSE, bot.ops.feedback().record("0123456789abcdef0123", 
          com.tradewind.bot.insight.FeedbackRecorder.Vote.HELPFUL, "x", "slack").await(5, TimeUnit.SECONDS));
      client.close();
    }
    // restart on the same data dir: the history is replayed
    try (OpsTestBot bot = OpsTestBot.start(data, OpsTestBot.TOKEN)) {
      assertEquals(List.of(0, 1), votes(bot, answerId));
      assertEquals(TestKnowledge.DISPUTES, bot.ops.insight().passagesOf(answerId).getFirst().path());
      var groups = bot.ops.insight().groups();
      assertEquals(2, groups.size(), groups.toString());
      assertTrue(groups.stream().anyMatch(g -> g.downvoted() == 1 && g.examples().contains("平台仲裁要多久")));
      assertTrue(groups.stream().anyMatch(g -> g.unanswered() == 1 && g.label().contains("Antarctica")));
      JsonObject summary = bot.ops.insight().summary(1);
      assertEquals(8, summary.getJsonObject("totals").getLong("messages"));
      JsonObject rates = summary.getJsonObject("rates");
      double total = rates.getDouble("resolution") + rates.getDouble("answer") + rates.getDouble("handoff")
          + rates.getDouble("unanswered");
      assertEquals(1.0, total, 1e-9, "the four shares partition the requests: " + summary.encodePrettily());
      assertFalse(Files.readString(bot.dataDir.resolve("insight/insight.jsonl")).isBlank());
    }
  }

  private static List<Integer> votes(OpsTestBot bot, String answerId) {
    int[] v = bot.ops.insight().votes(answerId);
    return v == null ? null : List.of(v[0], v[1]);
  }
}
