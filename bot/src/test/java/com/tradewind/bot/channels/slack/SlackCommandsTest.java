package com.tradewind.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.delivery.InMemoryInbox;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/commands}: /order, /track, /kb; ephemeral, in_channel and late answers. */
class SlackCommandsTest {

  private static SlackTestBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @BeforeEach
  void reset() {
    bed.resetSlack();
  }

  private static byte[] command(String name, String text, String trigger) {
    String form = "token=gIkuvaNzQIHg97ATvDxqgjtO&team_id=T061EG9R6&team_domain=example&channel_id=C2147483705"
        + "&channel_name=test&user_id=U2147483697&user_name=Steve&command=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
        + "&text=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url=" + URLEncoder.encode("http://127.0.0.1:" + bed.slack.port() + "/response", StandardCharsets.UTF_8)
        + "&trigger_id=" + trigger + "&api_app_id=A0PNCHHK2";
    return form.getBytes(StandardCharsets.UTF_8);
  }

  private static final String FORM = "application/x-www-form-urlencoded";

  @Test
  void orderIsAnsweredInlineAndPrivatelyAsACard() throws Exception {
    try (var slack = bed.connect()) {
      HttpResponse<Buffer> response = slack.signed("/slack/commands", command("/order", "8123456789012345", "t1"), FORM);
      assertEquals(200, response.statusCode());
      JsonObject body = response.bodyAsJsonObject();
      assertEquals("ephemeral", body.getString("response_type"));
      JsonObject header = body.getJsonArray("blocks").getJsonObject(0);
      assertEquals("📦 8123456789012345", header.getJsonObject("text").getString("text"));
      assertTrue(body.getString("text").contains("8123456789012345"));
    }
  }

  @Test
  void aTrailingPublicSharesTheAnswerInTheChannel() throws Exception {
    try (var slack = bed.connect()) {
      JsonObject body = slack.signed("/slack/commands", command("/track", "RR123456785CN public", "t2"), FORM).bodyAsJsonObject();
      assertEquals("in_channel", body.getString("response_type"));
      assertEquals("🚚 RR123456785CN", body.getJsonArray("blocks").getJsonObject(0).getJsonObject("text").getString("text"));
    }
  }

  @Test
  void kbAnswersAQuestionAndWithoutOneExplainsUsage() throws Exception {
    try (var slack = bed.connect()) {
      JsonObject answer = slack.signed("/slack/commands", command("/kb", "平台仲裁要多久", "t3"), FORM).bodyAsJsonObject();
      assertTrue(answer.getString("text").contains("7个工作日"), answer.encode());
      JsonObject usage = slack.signed("/slack/commands", command("/kb", "  ", "t4"), FORM).bodyAsJsonObject();
      assertEquals(SlackCommandRunner.USAGE, usage.getString("text"));
      assertEquals("ephemeral", usage.getString("response_type"));
      JsonObject unknown = slack.signed("/slack/commands", command("/weather", "94070", "t5"), FORM).bodyAsJsonObject();
      assertEquals(SlackCommandRunner.USAGE, unknown.getString("text"));
    }
  }

  @Test
  void aSlowAnswerIsAcknowledgedAtOnceAndPostedToResponseUrl() throws Exception {
    SlackConnector.Tuning slowBudget = new SlackConnector.Tuning(Duration.ofSeconds(5), Duration.ZERO, Duration.ofMillis(1),
        Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMillis(100));
    try (var slack = bed.connect(new InMemoryInbox(Duration.ofHours(1), 100, Ticker.systemTicker()), Clock.systemUTC(), slowBudget)) {
      HttpResponse<Buffer> ack = slack.signed("/slack/commands", command("/kb", "how do I create a shipping template?", "t6"), FORM);
      assertEquals(200, ack.statusCode());
      assertEquals(0, ack.body() == null ? 0 : ack.body().length(), "an empty acknowledgement");
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (bed.responses().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<JsonObject> late = bed.responses();
      assertEquals(1, late.size());
      assertEquals("ephemeral", late.get(0).getString("response_type"));
      assertTrue(late.get(0).getString("text").contains("New template"), late.get(0).encode());
    }
  }

  @Test
  void thePublishedSigningVectorPassesThroughHttpWithTheFormBytesIntact() throws Exception {
    Clock then = Clock.fixed(Instant.ofEpochSecond(1531420618), ZoneOffset.UTC);
    try (var slack = bed.connect(new InMemoryInbox(Duration.ofHours(1), 100, Ticker.systemTicker()), then, SlackTestBed.fastTuning())) {
      MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Slack-Request-Timestamp", "1531420618")
          .add("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
      HttpResponse<Buffer> response = slack.post("/slack/commands", SlackTestBed.bytes("signing-vector.form"), FORM, headers);
      assertEquals(200, response.statusCode(), response.bodyAsString());
      assertEquals(SlackCommandRunner.USAGE, response.bodyAsJsonObject().getString("text")); // /webhook-collect is not ours
      HttpResponse<Buffer> tampered = slack.post("/slack/commands",
          SlackTestBed.text("signing-vector.form").replace("%2F", "/").getBytes(StandardCharsets.UTF_8), FORM, headers);
      assertEquals(401, tampered.statusCode(), "re-encoded form bytes no longer match");
    }
  }

  @Test
  void aFormWithoutTheCommandFieldsIs400() throws Exception {
    try (var slack = bed.connect()) {
      HttpResponse<Buffer> response = slack.signed("/slack/commands", "text=hello".getBytes(StandardCharsets.UTF_8), FORM);
      assertEquals(400, response.statusCode());
      assertTrue(response.bodyAsJsonObject().containsKey("error"));
      assertEquals(400, slack.signed("/slack/commands", "command=%zz".getBytes(StandardCharsets.UTF_8), FORM).statusCode());
    }
  }
}
