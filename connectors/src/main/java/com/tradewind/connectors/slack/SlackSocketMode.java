package com.tradewind.connectors.slack;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack Socket Mode: asks {@code apps.connections.open} for a WebSocket URL, connects, hands every
 * envelope to a handler and acknowledges it with its {@code envelope_id} once the handler's future
 * succeeds (a failed one is left unacknowledged so Slack redelivers). A {@code disconnect} message
 * reconnects at once; a dropped or refused connection reconnects after an exponential backoff
 * with jitter. No signatures here: the socket itself was opened with the app-level token.
 */
public final class SlackSocketMode {

  private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

  /** Handles one envelope's payload; the optional result is sent back as the ack's {@code payload}. */
  @FunctionalInterface
  public interface EnvelopeHandler {
    /** @param type {@code events_api}, {@code slash_commands} or {@code interactive} */
    Future<JsonObject> handle(String type, JsonObject payload, int retryAttempt);
  }

  private final Vertx vertx;
  private final SlackWebApi api;
  private final String appToken;
  private final EnvelopeHandler handler;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final WebSocketClient sockets;
  private volatile WebSocket current;
  private volatile boolean stopped;
  private volatile boolean connected;
  private volatile int failures;
  private volatile long connections;

  public SlackSocketMode(Vertx vertx, SlackWebApi api, String appToken, EnvelopeHandler handler, Duration minBackoff,
      Duration maxBackoff) {
    this.vertx = vertx;
    this.api = api;
    this.appToken = appToken;
    this.handler = handler;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(10_000)
        .setMaxFrameSize(1024 * 1024).setMaxMessageSize(4 * 1024 * 1024));
  }

  /** Starts connecting; reconnection keeps going until {@link #stop}. */
  public void start() {
    stopped = false;
    connect();
  }

  /** True between Slack's {@code hello} and the next drop. */
  public boolean connected() {
    return connected;
  }

  /** How many sockets were opened so far (tests watch reconnects with it). */
  public long connections() {
    return connections;
  }

  public Future<Void> stop() {
    stopped = true;
    connected = false;
    WebSocket socket = current;
    return (socket == null ? Future.<Void>succeededFuture() : socket.close().recover(e -> Future.succeededFuture()))
        .compose(v -> sockets.close());
  }

  private void connect() {
    if (stopped) {
      return;
    }
    api.openConnection(appToken)
        .compose(url -> sockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url).setTimeout(10_000)))
        .onSuccess(this::attach)
        .onFailure(e -> {
          LOG.warn("Slack Socket Mode connection failed: {}", e.getMessage());
          reconnectLater();
        });
  }

  private void attach(WebSocket socket) {
    if (stopped) {
      socket.close();
      return;
    }
    current = socket;
    connections++;
    socket.textMessageHandler(text -> onMessage(socket, text));
    socket.exceptionHandler(e -> LOG.warn("Slack Socket Mode socket error: {}", e.toString()));
    socket.closeHandler(v -> {
      if (current == socket) { // a socket replaced after "disconnect" closes quietly
        current = null;
        connected = false;
        LOG.info("Slack Socket Mode connection closed");
        reconnectLater();
      }
    });
  }

  private void onMessage(WebSocket socket, String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (RuntimeException e) {
      LOG.warn("Slack Socket Mode sent a frame that is not JSON ({} chars)", text.length());
      return;
    }
    String type = message.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "hello" -> {
        connected = true;
        failures = 0;
        LOG.info("Slack Socket Mode connected");
      }
      case "disconnect" -> {
        LOG.info("Slack asked to reconnect ({})", message.getValue("reason"));
        connected = false;
        current = null; // this socket's close no longer schedules a reconnect
        socket.close();
        connect();
      }
      default -> envelope(socket, type, message);
    }
  }

  private void envelope(WebSocket socket, String type, JsonObject message) {
    if (!(message.getValue("envelope_id") instanceof String envelopeId)) {
      LOG.debug("Slack Socket Mode message of type {} ignored", type);
      return;
    }
    JsonObject payload = message.getValue("payload") instanceof JsonObject p ? p : new JsonObject();
    int retry = message.getValue("retry_attempt") instanceof Number n ? n.intValue() : 0;
    Future<JsonObject> handled;
    try {
      handled = handler.handle(type, payload, retry);
    } catch (RuntimeException e) {
      handled = Future.failedFuture(e);
    }
    handled.onSuccess(response -> {
      JsonObject ack = new JsonObject().put("envelope_id", envelopeId);
      if (response != null && Boolean.TRUE.equals(message.getValue("accepts_response_payload"))) {
        ack.put("payload", response);
      }
      if (!socket.isClosed()) {
        socket.writeTextMessage(ack.encode());
      }
    }).onFailure(e -> LOG.warn("Slack {} envelope not acknowledged: {}", type, e.getMessage()));
  }

  private void reconnectLater() {
    if (stopped) {
      return;
    }
    int n = Math.min(failures++, 20);
    long base = Math.min(maxBackoff.toMillis(), minBackoff.toMillis() << Math.min(n, 16));
    long delay = Math.max(1, base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    vertx.setTimer(delay, id -> connect());
  }
}
