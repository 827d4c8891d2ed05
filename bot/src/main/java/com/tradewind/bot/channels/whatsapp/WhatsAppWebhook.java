package com.tradewind.bot.channels.whatsapp;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.http.JsonErrors;
import com.tradewind.bot.http.Routes;
import com.tradewind.connectors.whatsapp.WhatsAppInbound;
import com.tradewind.connectors.whatsapp.WhatsAppNotification;
import com.tradewind.connectors.whatsapp.WhatsAppPayloadException;
import com.tradewind.connectors.whatsapp.WhatsAppSender;
import com.tradewind.connectors.whatsapp.WhatsAppSignatureException;
import com.tradewind.connectors.whatsapp.WhatsAppSignatureVerifier;
import com.tradewind.connectors.whatsapp.WhatsAppStatus;
import com.tradewind.connectors.whatsapp.WhatsAppWebhookParser;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /whatsapp/webhook} answers Meta's verification handshake; {@code POST} takes
 * notifications: the signature is checked over the raw bytes before anything is parsed, user
 * messages go to the inbox (200 only once every one of them is recorded, 503 otherwise so Meta
 * retries) and delivery statuses are recorded straight away.
 */
public final class WhatsAppWebhook implements Routes {

  public static final String PATH = "/whatsapp/webhook";
  /** Meta's payloads are far smaller; anything bigger is not from Meta. */
  public static final int MAX_BODY = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppWebhook.class);

  private final WhatsAppSignatureVerifier verifier;
  private final byte[] verifyToken;
  private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser();
  private final Inbox inbox;
  private final DeliveryStatuses statuses;
  private final WhatsAppSender sender;
  private final Clock clock;
  private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

  private final io.vertx.core.Vertx vertx;

  WhatsAppWebhook(io.vertx.core.Vertx vertx, WhatsAppSignatureVerifier verifier, String verifyToken, Inbox inbox,
      DeliveryStatuses statuses, WhatsAppSender sender, Clock clock) {
    this.vertx = vertx;
    this.verifier = verifier;
    this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    this.inbox = inbox;
    this.statuses = statuses;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get(PATH).handler(this::verify);
    router.post(PATH).handler(this::rejectDeclaredOversize);
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
    router.post(PATH).handler(this::receive);
    router.post(PATH).failureHandler(ctx -> {
      if (ctx.statusCode() == 413) {
        count("too_large"); // a chunked body the size check could not see up front
      }
      ctx.next();
    });
  }

  /** Rejected requests by reason (signature_missing, malformed_json…), for metrics and tests. */
  public Map<String, Long> rejections() {
    Map<String, Long> out = new TreeMap<>();
    rejections.forEach((reason, count) -> out.put(reason, count.sum()));
    return out;
  }

  private void verify(RoutingContext ctx) {
    String mode = ctx.request().getParam("hub.mode");
    String token = ctx.request().getParam("hub.verify_token");
    String challenge = ctx.request().getParam("hub.challenge");
    boolean tokenOk = token != null && MessageDigest.isEqual(verifyToken, token.getBytes(StandardCharsets.UTF_8));
    if (!"subscribe".equals(mode) || !tokenOk) {
      reject(ctx, 403, "verification_failed", "verification failed");
      return;
    }
    if (challenge == null || challenge.isEmpty() || challenge.length() > 256) {
      reject(ctx, 400, "verification_without_challenge", "hub.challenge is required");
      return;
    }
    ctx.response().putHeader("content-type", "text/plain; charset=utf-8")
        .putHeader("x-content-type-options", "nosniff").end(challenge);
  }

  private void rejectDeclaredOversize(RoutingContext ctx) {
    String length = ctx.request().getHeader("content-length");
    if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > MAX_BODY) {
      count("too_large");
      JsonErrors.send(ctx, 413, "request body too large");
      return;
    }
    ctx.next();
  }

  private void receive(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    byte[] bytes = raw == null ? new byte[0] : raw.getBytes();
    try {
      verifier.verify(bytes, ctx.request().getHeader(WhatsAppSignatureVerifier.HEADER));
    } catch (WhatsAppSignatureException e) {
      reject(ctx, 401, "signature_" + e.reason().name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
      return;
    }
    WhatsAppNotification notification;
    try {
      notification = parser.parse(bytes);
    } catch (WhatsAppPayloadException e) {
      reject(ctx, 400, "malformed_json", e.getMessage());
      return;
    }
    if (!notification.relevant()) {
      ok(ctx, new JsonObject().put("ignored", true));
      return;
    }
    notification.errors().forEach(e -> LOG.warn("WhatsApp reports error {} ({}): {}", e.code(), e.title(), e.details()));
    if (notification.skipped() > 0) {
      LOG.warn("WhatsApp notification had {} incomplete message(s) or status(es); skipped", notification.skipped());
    }
    notification.statuses().forEach(this::status);
    List<Future<Boolean>> offers = new ArrayList<>();
    for (WhatsAppInbound message : notification.messages()) {
      if (message.kind() != WhatsAppInbound.Kind.IGNORED) {
        offers.add(offer(message));
      }
    }
    Future.all(offers).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("WhatsApp messages could not be recorded, Meta will retry: {}", ar.cause().getMessage());
        JsonErrors.send(ctx, 503, "messages could not be recorded; retry later");
        return;
      }
      long accepted = offers.stream().filter(f -> Boolean.TRUE.equals(f.result())).count();
      ok(ctx, new JsonObject().put("accepted", accepted).put("duplicates", offers.size() - accepted)
          .put("statuses", notification.statuses().size()));
    });
  }

  private Future<Boolean> offer(WhatsAppInbound message) {
    try {
      return inbox.offer(new InboundMessage(message.id(), WhatsAppProcessor.CHANNEL,
          List.of(WhatsAppProcessor.CHANNEL + ":" + message.id()), message.from(), WhatsAppProcessor.payload(message),
          clock.instant()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private void status(WhatsAppStatus status) {
    if (!statuses.record(status) || !"failed".equals(status.status())) {
      return;
    }
    String codes = status.errors().stream().map(e -> e.code() + (e.details() != null ? " (" + e.details() + ")" : ""))
        .reduce((a, b) -> a + ", " + b).orElse("no error code");
    LOG.warn("WhatsApp message {} failed: {}", status.messageId(), codes);
    sender.onStatus(status).onComplete(ar -> {
      if (ar.failed()) {
        LOG.error("WhatsApp template after a closed window could not be sent: {}", ar.cause().getMessage());
      } else {
        ar.result().ifPresent(id -> LOG.info("WhatsApp window was closed: template {} sent instead", id));
      }
    });
  }

  private void reject(RoutingContext ctx, int status, String reason, String message) {
    count(reason);
    LOG.warn("WhatsApp webhook {} rejected ({}): {}", ctx.request().method(), reason, message);
    JsonErrors.send(ctx, status, message);
  }

  private void count(String reason) {
    rejections.computeIfAbsent(reason, r -> new LongAdder()).increment();
    com.tradewind.connectors.ConnectorEvents.webhookRejected(vertx, "whatsapp", reason);
  }

  private static void ok(RoutingContext ctx, JsonObject body) {
    ctx.response().setStatusCode(200).putHeader("content-type", "application/json; charset=utf-8").end(body.encode());
  }
}
