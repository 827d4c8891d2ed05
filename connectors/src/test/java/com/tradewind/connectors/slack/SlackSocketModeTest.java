package com.tradewind.connectors.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Socket Mode against a local fake of Slack: {@code apps.connections.open} hands out WebSocket
 * URLs; the socket says hello, sends an envelope, and after the ack asks to reconnect (first
 * connection), drops the connection (second) or ends the test (third).
 */
@ExtendWith(VertxExtension.class)
class SlackSocketModeTest {

  @Test
  void envelopesAreAcknowledgedAndTheSocketComesBackAfterDisconnectAndDrops(Vertx vertx, VertxTestContext ctx)
      throws Exception {
    AtomicInteger opened = new AtomicInteger();
    List<String> acks = new CopyOnWriteArrayList<>();
    List<String> authorizations = new CopyOnWriteArrayList<>();
    int[] port = new int[1];
    HttpServer fake = vertx.createHttpServer()
        .webSocketHandler(ws -> onSocket(ws, opened.incrementAndGet(), acks, ctx))
        .requestHandler(req -> {
          authorizations.add(req.getHeader("authorization"));
          req.response().putHeader("content-type", "application/json")
              .end(new JsonObject().put("ok", true).put("url", "ws://127.0.0.1:" + port[0] + "/link/?ticket=" + opened.get())
                  .encode());
        })
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    port[0] = fake.actualPort();
    SlackWebApi api = new SlackWebApi(vertx, WebClient.create(vertx),
        SlackWebApi.Settings.defaults("http://127.0.0.1:" + port[0] + "/api"), "xoxb-bot");
    List<String> handled = new CopyOnWriteArrayList<>();
    SlackSocketMode socketMode = new SlackSocketMode(vertx, api, "xapp-app-token", (type, payload, retry) -> {
      handled.add(type + ":" + payload.getString("event_id"));
      return Future.succeededFuture();
    }, Duration.ofMillis(10), Duration.ofMillis(100));
    socketMode.start();
    ctx.awaitCompletion(20, TimeUnit.SECONDS);
    socketMode.stop();
    assertEquals(List.of("e-1", "e-2", "e-3"), acks);
    assertEquals(List.of("events_api:Ev-1", "events_api:Ev-2", "events_api:Ev-3"), handled);
    assertTrue(authorizations.stream().allMatch("Bearer xapp-app-token"::equals), authorizations.toString());
    assertEquals(3, socketMode.connections());
    if (ctx.failed()) {
      throw new AssertionError(ctx.causeOfFailure());
    }
  }

  private static void onSocket(ServerWebSocket ws, int n, List<String> acks, VertxTestContext ctx) {
    ws.textMessageHandler(text -> {
      JsonObject ack = new JsonObject(text);
      acks.add(ack.getString("envelope_id"));
      switch (n) {
        case 1 -> ws.writeTextMessage(new JsonObject().put("type", "disconnect").put("reason", "refresh_requested").encode());
        case 2 -> ws.close();
        default -> ctx.completeNow();
      }
    });
    ws.writeTextMessage(Fixtures.text("hello.json"));
    JsonObject payload = Fixtures.json("message-im.json").put("event_id", "Ev-" + n);
    ws.writeTextMessage(new JsonObject().put("envelope_id", "e-" + n).put("type", "events_api")
        .put("accepts_response_payload", false).put("retry_attempt", 0).put("payload", payload).encode());
  }

  @Test
  void aFailedHandlerLeavesTheEnvelopeUnacknowledged(Vertx vertx, VertxTestContext ctx) throws Exception {
    List<String> frames = new CopyOnWriteArrayList<>();
    int[] port = new int[1];
    HttpServer fake = vertx.createHttpServer()
        .webSocketHandler(ws -> {
          ws.textMessageHandler(frames::add);
          ws.writeTextMessage(Fixtures.text("hello.json"));
          ws.writeTextMessage(new JsonObject().put("envelope_id", "bad").put("type", "events_api")
              .put("payload", new JsonObject()).encode());
          ws.writeTextMessage(new JsonObject().put("envelope_id", "good").put("type", "slash_commands")
              .put("accepts_response_payload", true).put("payload", new JsonObject()).encode());
        })
        .requestHandler(req -> req.response().end(new JsonObject().put("ok", true)
            .put("url", "ws://127.0.0.1:" + port[0] + "/link").encode()))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    port[0] = fake.actualPort();
    SlackWebApi api = new SlackWebApi(vertx, WebClient.create(vertx),
        SlackWebApi.Settings.defaults("http://127.0.0.1:" + port[0] + "/api"), "xoxb-bot");
    SlackSocketMode socketMode = new SlackSocketMode(vertx, api, "xapp-1", (type, payload, retry) ->
        "events_api".equals(type) ? Future.failedFuture("inbox down") : Future.succeededFuture(new JsonObject().put("text", "hi")),
        Duration.ofMillis(10), Duration.ofMillis(100));
    socketMode.start();
    vertx.setPeriodic(20, id -> {
      if (!frames.isEmpty()) {
        vertx.cancelTimer(id);
        vertx.setTimer(200, t -> ctx.verify(() -> {
          assertEquals(List.of(new JsonObject().put("envelope_id", "good").put("payload", new JsonObject().put("text", "hi")).encode()),
              frames);
          assertTrue(socketMode.connected());
          socketMode.stop().onComplete(v -> ctx.completeNow());
        }));
      }
    });
  }
}
