package com.tradewind.bot.channels.slack;

import com.tradewind.bot.http.JsonErrors;
import com.tradewind.bot.http.Routes;
import com.tradewind.connectors.slack.SlackAction;
import com.tradewind.connectors.slack.SlackCommand;
import com.tradewind.connectors.slack.SlackForm;
import com.tradewind.connectors.slack.SlackPayloadException;
import com.tradewind.connectors.slack.SlackSignatureException;
import com.tradewind.connectors.slack.SlackSignatureVerifier;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}, {@code /slack/commands} and {@code /slack/interactions}. Each reads
 * the raw body (1 MiB at most, else 413), verifies Slack's signature on those bytes (401 with
 * nothing processed), parses (400 when malformed) and acknowledges only once the inbox recorded
 * the message (503 when it cannot, so Slack retries). Unknown event types are acknowledged and
 * ignored. Never a 500: nothing here throws past its handler.
 */
final class SlackRoutes implements Routes {

  static final long MAX_BODY = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(SlackRoutes.class);

  private final SlackSignatureVerifier verifier;
  private final SlackInbound inbound;
  private final SlackCommandRunner commands;
  private final SlackStats stats;

  SlackRoutes(SlackSignatureVerifier verifier, SlackInbound inbound, SlackCommandRunner commands, SlackStats stats) {
    this.verifier = verifier;
    this.inbound = inbound;
    this.commands = commands;
    this.stats = stats;
  }

  /** Routes of a connector that is off (or in Socket Mode): a clear 404 instead of the web chat's catch-all. */
  static Routes disabled(String why) {
    return router -> router.post("/slack/*").handler(ctx -> JsonErrors.send(ctx, 404, why));
  }

  @Override
  public void mount(Router router) {
    Runnable tooLarge = () -> stats.count("rejected.too_large");
    router.post("/slack/events").handler(ctx -> RawBody.read(ctx, MAX_BODY, tooLarge, this::events));
    router.post("/slack/commands").handler(ctx -> RawBody.read(ctx, MAX_BODY, tooLarge, this::command));
    router.post("/slack/interactions").handler(ctx -> RawBody.read(ctx, MAX_BODY, tooLarge, this::interaction));
  }

  private boolean verified(RoutingContext ctx, Buffer body) {
    try {
      verifier.verify(ctx.request().getHeader("X-Slack-Request-Timestamp"), ctx.request().getHeader("X-Slack-Signature"),
          body.getBytes());
      return true;
    } catch (SlackSignatureException e) {
      String reason = e.reason().name().toLowerCase(Locale.ROOT);
      stats.count("rejected." + reason);
      LOG.warn("Slack request to {} rejected: {} ({})", ctx.normalizedPath(), reason, e.getMessage());
      ctx.response().putHeader("X-Slack-No-Retry", "1");
      JsonErrors.send(ctx, 401, "request not signed by Slack: " + reason.replace('_', ' '));
      return false;
    }
  }

  private void events(RoutingContext ctx, Buffer body) {
    if (!verified(ctx, body)) {
      return;
    }
    JsonObject json;
    try {
      json = new JsonObject(body);
    } catch (RuntimeException e) {
      malformed(ctx, "body is not a JSON object");
      return;
    }
    String type = json.getValue("type") instanceof String s ? s : "";
    switch (type) {
      case "url_verification" -> {
        if (!(json.getValue("challenge") instanceof String challenge)) {
          malformed(ctx, "url_verification without a challenge");
          return;
        }
        ctx.response().putHeader("content-type", "application/json").end(new JsonObject().put("challenge", challenge).encode());
      }
      case "event_callback" -> {
        Future<Boolean> offered;
        try {
          offered = inbound.event(json);
        } catch (SlackPayloadException e) {
          malformed(ctx, e.getMessage());
          return;
        }
        acknowledge(ctx, offered, null);
      }
      case "app_rate_limited" -> {
        stats.count("ignored.app_rate_limited");
        LOG.warn("Slack is holding back event deliveries for team {} (over 30,000 events an hour)", json.getValue("team_id"));
        ctx.response().setStatusCode(200).end();
      }
      default -> {
        stats.count("ignored.callback_type");
        LOG.debug("Slack callback of type '{}' ignored", type);
        ctx.response().setStatusCode(200).end();
      }
    }
  }

  private void interaction(RoutingContext ctx, Buffer body) {
    if (!verified(ctx, body)) {
      return;
    }
    Future<Boolean> offered;
    try {
      offered = inbound.action(SlackAction.payloadOf(SlackForm.parse(body.getBytes())));
    } catch (SlackPayloadException e) {
      malformed(ctx, e.getMessage());
      return;
    }
    acknowledge(ctx, offered, null);
  }

  private void command(RoutingContext ctx, Buffer body) {
    if (!verified(ctx, body)) {
      return;
    }
    SlackCommand command;
    try {
      command = SlackCommand.fromForm(SlackForm.parse(body.getBytes()));
    } catch (SlackPayloadException e) {
      malformed(ctx, e.getMessage());
      return;
    }
    stats.count("command");
    commands.run(command, true).onComplete(ar -> {
      if (ar.failed() || ar.result() == null) {
        ctx.response().setStatusCode(200).end(); // the answer follows through response_url
      } else {
        ctx.response().putHeader("content-type", "application/json; charset=utf-8").end(ar.result().encode());
      }
    });
  }

  private void acknowledge(RoutingContext ctx, Future<Boolean> offered, String body) {
    offered.onComplete(ar -> {
      if (ar.failed()) {
        JsonErrors.send(ctx, 503, "message could not be recorded, retry later");
      } else if (!ctx.response().ended()) {
        ctx.response().setStatusCode(200).end(body == null ? "" : body);
      }
    });
  }

  private void malformed(RoutingContext ctx, String message) {
    stats.count("rejected.malformed");
    LOG.warn("Slack request to {} malformed: {}", ctx.normalizedPath(), message);
    JsonErrors.send(ctx, 400, message);
  }
}
