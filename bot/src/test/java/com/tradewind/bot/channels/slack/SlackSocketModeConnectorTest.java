package com.tradewind.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import com.tradewind.bot.config.SlackOptions;
import com.tradewind.bot.delivery.InMemoryInbox;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector in Socket Mode against a local fake of Slack (a Vert.x server for auth.test,
 * apps.connections.open, chat.postMessage and the WebSocket): an event envelope is acknowledged
 * and answered through the same inbox path as HTTP, a redelivered envelope is not answered twice,
 * a slash command envelope is answered through its response_url and a button press is recorded.
 */
class SlackSocketModeConnectorTest {

  private static SlackTestBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void envelopesAreAcknowledgedAndAnsweredOnce() throws Exception {
    List<String> acks = new CopyOnWriteArrayList<>();
    List<JsonObject> posted = new CopyOnWriteArrayList<>();
    List<JsonObject> responded = new CopyOnWriteArrayList<>();
    int[] port = new int[1];
    HttpServer fake = bed.vertx.createHttpServer()
        .webSocketHandler(ws -> serve(ws, acks))
        .requestHandler(req -> req.body().onSuccess(body -> {
          JsonObject answer = switch (req.path()) {
            case "/api/auth.test" -> new JsonObject(SlackTestBed.text("auth-test.json"));
            case "/api/apps.connections.open" -> new JsonObject().put("ok", true)
                .put("url", "ws://127.0.0.1:" + port[0] + "/link/?ticket=1");
            case "/api/chat.postMessage" -> {
              posted.add(body.toJsonObject());
              yield new JsonObject().put("ok", true).put("ts", "1.1");
            }
            case "/response" -> {
              responded.add(body.toJsonObject());
              yield new JsonObject().put("ok", true);
            }
            default -> new JsonObject().put("ok", false).put("error", "unknown_method");
          };
          req.response().putHeader("content-type", "application/json").end(answer.encode());
        }))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    port[0] = fake.actualPort();
    SlackOptions options = new SlackOptions(null, "xoxb-test", "xapp-test", "http://127.0.0.1:" + port[0] + "/api",
        Set.of(), null);
    InMemoryInbox inbox = new InMemoryInbox(Duration.ofHours(1), 1000, Ticker.systemTicker());
    InMemoryFeedbackRecorder feedback = new InMemoryFeedbackRecorder();
    SlackConnector connector = new SlackConnector(bed.vertx, options, SlackTestBed.fastTuning(), bed.engine, inbox,
        feedback, Clock.systemUTC());
    connector.start().await(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((acks.size() < 4 || posted.isEmpty() || responded.size() < 2) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(connector.ready());
    connector.stop().await(10, TimeUnit.SECONDS); // drains the inbox
    fake.close();
    assertEquals(List.of("env-1", "env-1", "env-cmd", "env-press"), acks.stream().sorted().toList());
    assertEquals(1, posted.size(), "the redelivered envelope is a duplicate");
    assertEquals("D024BE91L", posted.get(0).getString("channel"));
    assertEquals(2, responded.size(), "the command's answer and the thanks for the vote");
    assertTrue(responded.stream().allMatch(r -> "ephemeral".equals(r.getString("response_type"))));
    assertEquals(List.of(new InMemoryFeedbackRecorder.Entry("D024BE91L/1355517523.000005",
        com.tradewind.bot.channels.FeedbackRecorder.Vote.HELPFUL, "UA8RXUSPL", "slack")), feedback.entries());
  }

  private static void serve(ServerWebSocket ws, List<String> acks) {
    ws.textMessageHandler(text -> acks.add(new JsonObject(text).getString("envelope_id")));
    ws.writeTextMessage(SlackTestBed.text("hello.json"));
    JsonObject event = new JsonObject().put("envelope_id", "env-1").put("type", "events_api")
        .put("accepts_response_payload", false).put("payload", SlackTestBed.json("message-im.json"));
    ws.writeTextMessage(event.encode());
    ws.writeTextMessage(event.copy().put("retry_attempt", 1).put("retry_reason", "timeout").encode());
    JsonObject command = new JsonObject().put("token", "x").put("team_id", "T061EG9R6").put("channel_id", "C1")
        .put("user_id", "U1").put("command", "/order").put("text", "8123456789012345").put("trigger_id", "tr-socket")
        .put("response_url", "http://127.0.0.1:" + ws.localAddress().port() + "/response");
    ws.writeTextMessage(new JsonObject().put("envelope_id", "env-cmd").put("type", "slash_commands")
        .put("accepts_response_payload", true).put("payload", command).encode());
    // interactive payloads come parsed, without the payload= form wrapper
    JsonObject press = SlackTestBed.json("block-actions.json")
        .put("response_url", "http://127.0.0.1:" + ws.localAddress().port() + "/response");
    press.getJsonArray("actions").getJsonObject(0).put("action_id", "helpful").put("value", "D024BE91L/1355517523.000005");
    ws.writeTextMessage(new JsonObject().put("envelope_id", "env-press").put("type", "interactive")
        .put("accepts_response_payload", false).put("payload", press).encode());
  }
}
