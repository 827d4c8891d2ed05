package com.tradewind.bot.channels.slack;

import com.tradewind.bot.channels.FeedbackRecorder;
import com.tradewind.bot.config.SlackOptions;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.handoff.HandoffService;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.http.Routes;
import com.tradewind.connectors.slack.SlackCommand;
import com.tradewind.connectors.slack.SlackIdentity;
import com.tradewind.connectors.slack.SlackPayloadException;
import com.tradewind.connectors.slack.SlackSignatureVerifier;
import com.tradewind.connectors.slack.SlackSocketMode;
import com.tradewind.connectors.slack.SlackWebApi;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack connector assembled: HTTP routes (or Socket Mode when an app token is set), the
 * inbox processor that answers, and {@code auth.test} at start so the bot knows itself. Off, it
 * mounts routes that answer 404 with an explanation.
 */
public final class SlackConnector {

  private static final Logger LOG = LoggerFactory.getLogger(SlackConnector.class);
  /** Slack retries for about five minutes; keys are kept well past that. */
  static final Duration DEDUPE_FOR = Duration.ofHours(1);

  /** Tunables tests and the benchmark change; production uses {@link #defaults()}. */
  public record Tuning(Duration apiTimeout, Duration channelInterval, Duration commandInlineBudget,
      Duration socketMinBackoff, Duration socketMaxBackoff, Duration authRetry) {

    public static Tuning defaults() {
      return new Tuning(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(2000), Duration.ofSeconds(1),
          Duration.ofSeconds(60), Duration.ofSeconds(30));
    }
  }

  private final Vertx vertx;
  private final SlackOptions options;
  private final Tuning tuning;
  private final SlackStats stats;
  private final AtomicReference<SlackIdentity> self = new AtomicReference<>();
  private final SlackWebApi api;
  private final SlackInbound inbound;
  private final SlackCommandRunner commands;
  private final Routes routes;
  private final Inbox inbox;
  private SlackSocketMode socketMode;
  private volatile boolean stopped;

  public SlackConnector(Vertx vertx, SlackOptions options, Tuning tuning, Dialogue dialogue, Inbox inbox,
      FeedbackRecorder feedback, Clock clock) {
    this(vertx, options, tuning, dialogue, inbox, feedback, clock, null, null);
  }

  /**
   * @param handoffs when set with {@code handoffChannel}, hand-offs are opened as threads in that
   *     channel and staff replies there are relayed to the buyer
   */
  public SlackConnector(Vertx vertx, SlackOptions options, Tuning tuning, Dialogue dialogue, Inbox inbox,
      FeedbackRecorder feedback, Clock clock, HandoffService handoffs, String handoffChannel) {
    this.vertx = vertx;
    this.stats = new SlackStats(vertx);
    this.options = options;
    this.tuning = tuning;
    this.inbox = inbox;
    if (!options.enabled()) {
      api = null;
      inbound = null;
      commands = null;
      routes = SlackRoutes.disabled("the Slack connector is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET");
      return;
    }
    WebClient client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Tradewind")
        .setConnectTimeout((int) tuning.apiTimeout().toMillis()),
        new io.vertx.core.http.PoolOptions().setHttp1MaxSize(64));
    api = new SlackWebApi(vertx, client, new SlackWebApi.Settings(options.apiUrl(), tuning.apiTimeout(), 3,
        Duration.ofMinutes(2), tuning.channelInterval()), options.botToken());
    BotThreads threads = new BotThreads();
    SlackReplyRenderer renderer = new SlackReplyRenderer(options.publicUrl());
    SlackHandoffs staff = null;
    if (handoffs != null) {
      handoffs.relay(SlackInbound.CHANNEL, new SlackBuyerRelay(api));
      if (handoffChannel != null) {
        handoffs.useDesk(new SlackStaffDesk(api, handoffChannel, threads));
        staff = new SlackHandoffs(handoffs, handoffChannel, api);
      }
    }
    inbound = new SlackInbound(inbox, self::get, threads, stats, clock, staff == null ? null : handoffChannel);
    commands = new SlackCommandRunner(vertx, dialogue, api, renderer, tuning.commandInlineBudget());
    inbox.process(SlackInbound.CHANNEL, new SlackResponder(dialogue, api, renderer, feedback, threads, staff));
    routes = options.signingSecret() == null
        ? SlackRoutes.disabled("Slack events arrive over Socket Mode; set SLACK_SIGNING_SECRET to receive them over HTTP")
        : new SlackRoutes(new SlackSignatureVerifier(options.signingSecret(), clock), inbound, commands, stats);
  }

  /**
   * Reads {@code SLACK_*} variables and wires the connector into the server: routes, readiness
   * and start-up. One call from {@code serve}; a bad variable throws a ConfigException naming it.
   */
  public static SlackConnector install(Vertx vertx, Map<String, String> env, Dialogue dialogue, ApiServer server,
      Inbox inbox, FeedbackRecorder feedback, HandoffService handoffs, String handoffChannel) {
    SlackOptions options = SlackOptions.fromEnv(env);
    SlackConnector connector = new SlackConnector(vertx, options, Tuning.defaults(), dialogue, inbox, feedback,
        Clock.systemUTC(), handoffs, handoffChannel);
    if (options.enabled() && handoffChannel != null) {
      LOG.info("hand-offs go to Slack channel {}", handoffChannel);
    } else if (handoffChannel != null) {
      LOG.warn("SLACK_HANDOFF_CHANNEL is set but the Slack connector is off: hand-offs only time out");
    }
    server.with(connector.routes());
    if (options.enabled()) {
      server.readyWhen("slack", connector::ready);
      connector.start();
    }
    return connector;
  }

  public Routes routes() {
    return routes;
  }

  public SlackStats stats() {
    return stats;
  }

  /** The bot's identity once {@code auth.test} answered. */
  public SlackIdentity identity() {
    return self.get();
  }

  /** Ready once the bot knows itself (and, in Socket Mode, the socket is up). */
  public boolean ready() {
    return self.get() != null && (socketMode == null || socketMode.connected());
  }

  /** Learns the bot's ids, then opens Socket Mode when configured. */
  public Future<Void> start() {
    if (!options.enabled()) {
      return Future.succeededFuture();
    }
    if (options.socketMode()) {
      socketMode = new SlackSocketMode(vertx, api, options.appToken(), this::envelope, tuning.socketMinBackoff(),
          tuning.socketMaxBackoff());
      socketMode.start();
      LOG.info("Slack connector on (Socket Mode)");
    } else {
      LOG.info("Slack connector on: POST /slack/events, /slack/commands, /slack/interactions");
    }
    return learnIdentity();
  }

  private Future<Void> learnIdentity() {
    return api.authTest().onSuccess(id -> {
      self.set(id);
      LOG.info("Slack bot user {} (bot {}) in team {}", id.userId(), id.botId(), id.teamId());
    }).<Void>mapEmpty().recover(e -> {
      LOG.error("Slack auth.test failed ({}); check SLACK_BOT_TOKEN; retrying in {} s", e.getMessage(),
          tuning.authRetry().toSeconds());
      if (!stopped) {
        vertx.setTimer(tuning.authRetry().toMillis(), id -> learnIdentity());
      }
      return Future.succeededFuture();
    });
  }

  /** Socket Mode envelopes take the same path as HTTP requests, minus the signature. */
  private Future<JsonObject> envelope(String type, JsonObject payload, int retryAttempt) {
    try {
      return switch (type) {
        case "events_api" -> "event_callback".equals(payload.getValue("type"))
            ? inbound.event(payload).map(v -> (JsonObject) null) : Future.succeededFuture();
        case "interactive" -> inbound.action(payload).map(v -> (JsonObject) null);
        case "slash_commands" -> commands.run(SlackCommand.fromJson(payload), false);
        default -> Future.succeededFuture();
      };
    } catch (SlackPayloadException e) {
      stats.count("rejected.malformed");
      LOG.warn("Slack {} envelope malformed: {}", type, e.getMessage());
      return Future.succeededFuture(); // acknowledged: a redelivery would be just as malformed
    }
  }

  public Future<Void> stop() {
    stopped = true;
    Future<Void> socket = socketMode == null ? Future.succeededFuture() : socketMode.stop();
    return socket.compose(v -> inbox.close());
  }
}
