package com.tradewind.connectors.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Cloud API messages endpoint: text, reply buttons, templates and read receipts. Every call
 * is paced to the account's rate, bounded by a timeout, and repeated after a back-off timer when
 * Meta throttles it (130429, 131056) or fails temporarily; other failures surface as a
 * {@link WhatsAppApiException} with a reason.
 */
public final class WhatsAppClient {

  /** Longest text body. */
  public static final int MAX_TEXT = 4096;
  /** Longest body of an interactive message. */
  public static final int MAX_INTERACTIVE_BODY = 1024;
  /** Most reply buttons on one message. */
  public static final int MAX_BUTTONS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final WebClient web;
  private final WhatsAppClientOptions options;
  private final SendPacer pacer;
  private final String authorization;

  public WhatsAppClient(Vertx vertx, WebClient web, WhatsAppClientOptions options) {
    this.vertx = vertx;
    this.web = web;
    this.options = options;
    this.pacer = new SendPacer(vertx, options.messagesPerSecond());
    this.authorization = "Bearer " + options.accessToken();
  }

  /** A client with its own Web Client (keep-alive connections to the Graph API). */
  public static WhatsAppClient create(Vertx vertx, WhatsAppClientOptions options) {
    return new WhatsAppClient(vertx, WebClient.create(vertx), options);
  }

  /** Sends a text message; the future carries the new message's {@code wamid}. */
  public Future<String> sendText(String to, String body) {
    if (body == null || body.isBlank() || body.length() > MAX_TEXT) {
      return Future.failedFuture(WhatsAppApiException.invalid("a text body must be 1 to " + MAX_TEXT + " characters"));
    }
    return send(envelope(to, "text").put("text", new JsonObject().put("preview_url", false).put("body", body)));
  }

  /** Sends a message with up to three reply buttons. */
  public Future<String> sendButtons(String to, String body, List<ReplyButton> buttons) {
    if (body == null || body.isBlank() || body.length() > MAX_INTERACTIVE_BODY) {
      return Future.failedFuture(WhatsAppApiException.invalid(
          "an interactive body must be 1 to " + MAX_INTERACTIVE_BODY + " characters"));
    }
    if (buttons.isEmpty() || buttons.size() > MAX_BUTTONS) {
      return Future.failedFuture(WhatsAppApiException.invalid("1 to " + MAX_BUTTONS + " reply buttons are allowed"));
    }
    Set<String> ids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    JsonArray rendered = new JsonArray();
    for (ReplyButton b : buttons) {
      if (!ids.add(b.id()) || !titles.add(b.title())) {
        return Future.failedFuture(WhatsAppApiException.invalid("reply button ids and titles must be unique"));
      }
      rendered.add(new JsonObject().put("type", "reply")
          .put("reply", new JsonObject().put("id", b.id()).put("title", b.title())));
    }
    JsonObject interactive = new JsonObject().put("type", "button")
        .put("body", new JsonObject().put("text", body))
        .put("action", new JsonObject().put("buttons", rendered));
    return send(envelope(to, "interactive").put("interactive", interactive));
  }

  /** Sends an approved template (allowed outside the 24-hour window). */
  public Future<String> sendTemplate(String to, TemplateRef template) {
    JsonObject body = new JsonObject().put("name", template.name())
        .put("language", new JsonObject().put("code", template.languageCode()));
    return send(envelope(to, "template").put("template", body));
  }

  /** Marks an incoming message (and the ones before it) as read: the user sees blue ticks. */
  public Future<Void> markRead(String messageId) {
    JsonObject payload = new JsonObject().put("messaging_product", "whatsapp").put("status", "read")
        .put("message_id", messageId);
    return call(payload, 0).mapEmpty();
  }

  private static JsonObject envelope(String to, String type) {
    // the recipient is sent exactly as WhatsApp delivered it (a Mexican 521… stays 521…)
    return new JsonObject().put("messaging_product", "whatsapp").put("recipient_type", "individual")
        .put("to", to).put("type", type);
  }

  private Future<String> send(JsonObject payload) {
    String to = payload.getString("to");
    if (to == null || to.isBlank()) {
      return Future.failedFuture(WhatsAppApiException.invalid("the recipient is empty"));
    }
    return call(payload, 0).compose(response -> {
      String id = response.path("messages").path(0).path("id").asText(null);
      return id != null ? Future.succeededFuture(id) : Future.failedFuture(new WhatsAppApiException(
          WhatsAppApiException.Reason.REJECTED, 0, 200, "WhatsApp API answered without a message id", null));
    });
  }

  private Future<JsonNode> call(JsonObject payload, int attempt) {
    return pacer.acquire().compose(v -> post(payload)).recover(e -> {
      if (e instanceof WhatsAppApiException api && api.retryable() && attempt < options.maxRetries()) {
        long delay = backoffMillis(api, attempt);
        LOG.warn("WhatsApp API throttled (code {}), retry {} of {} in {} ms", api.code(), attempt + 1,
            options.maxRetries(), delay);
        Promise<JsonNode> retried = Promise.promise();
        com.tradewind.connectors.ConnectorEvents.outboundRetry(vertx, "whatsapp");
        vertx.setTimer(Math.max(1, delay), id -> call(payload, attempt + 1).onComplete(retried));
        return retried.future();
      }
      return Future.failedFuture(e);
    });
  }

  private long backoffMillis(WhatsAppApiException e, int attempt) {
    long base = (e.code() == WhatsAppError.PAIR_RATE ? options.pairBackoff() : options.backoff()).toMillis();
    return base << Math.min(attempt, 10);
  }

  private Future<JsonNode> post(JsonObject payload) {
    long timeout = options.timeout().toMillis();
    return web.requestAbs(HttpMethod.POST, options.messagesUrl())
        .putHeader("Authorization", authorization)
        .putHeader("Content-Type", "application/json")
        .connectTimeout(timeout)
        .idleTimeout(timeout)
        .sendBuffer(Buffer.buffer(payload.encode()))
        .timeout(timeout, TimeUnit.MILLISECONDS)
        .transform(ar -> ar.succeeded() ? answer(ar.result()) : Future.failedFuture(transportFailure(ar.cause())));
  }

  private static Future<JsonNode> answer(HttpResponse<Buffer> response) {
    JsonNode body = parse(response.body());
    int status = response.statusCode();
    if (status / 100 == 2 && body != null && !body.has("error")) {
      return Future.succeededFuture(body);
    }
    JsonNode error = body == null ? null : body.path("error");
    if (error == null || !error.isObject()) {
      return Future.failedFuture(new WhatsAppApiException(WhatsAppApiException.reasonFor(-1, status), 0, status,
          "WhatsApp API answered HTTP " + status + " without an error object", null));
    }
    WhatsAppError parsed = WhatsAppWebhookParser.error(error);
    String text = parsed.message() != null ? parsed.message() : parsed.title();
    return Future.failedFuture(new WhatsAppApiException(WhatsAppApiException.reasonFor(parsed.code(), status),
        parsed.code(), status, "WhatsApp API error " + parsed.code() + " (HTTP " + status + "): " + text
        + (parsed.details() != null ? " — " + parsed.details() : ""), parsed.details()));
  }

  private static JsonNode parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return null;
    }
    try {
      return JSON.readTree(body.getBytes());
    } catch (IOException e) {
      return null;
    }
  }

  private static WhatsAppApiException transportFailure(Throwable cause) {
    if (cause instanceof WhatsAppApiException api) {
      return api;
    }
    boolean timedOut = cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout");
    return new WhatsAppApiException(timedOut ? WhatsAppApiException.Reason.TIMEOUT : WhatsAppApiException.Reason.NETWORK,
        0, 0, "WhatsApp API " + (timedOut ? "did not answer in time" : "unreachable: " + cause.getClass().getSimpleName()),
        null);
  }
}
