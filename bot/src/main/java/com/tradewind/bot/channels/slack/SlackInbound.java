package com.tradewind.bot.channels.slack;

import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.connectors.slack.SlackAction;
import com.tradewind.connectors.slack.SlackIdentity;
import com.tradewind.connectors.slack.SlackMessageEvent;
import com.tradewind.connectors.slack.SlackMessageEvent.Verdict;
import com.tradewind.connectors.slack.SlackPayloadException;
import com.tradewind.connectors.slack.SlackText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which Slack events and button presses need an answer and records those in the inbox
 * under every key a redelivery can carry: {@code (api_app_id, team_id, event_id)} for retries and
 * {@code (channel, ts)} because a mention also arrives as a message event with its own event id.
 * The same path serves HTTP and Socket Mode; retry headers are never trusted, only the ids.
 */
final class SlackInbound {

  static final String CHANNEL = "slack";
  private static final Logger LOG = LoggerFactory.getLogger(SlackInbound.class);

  private final Inbox inbox;
  private final Supplier<SlackIdentity> self;
  private final BotThreads threads;
  private final SlackStats stats;
  private final Clock clock;
  private final String staffChannel;

  SlackInbound(Inbox inbox, Supplier<SlackIdentity> self, BotThreads threads, SlackStats stats, Clock clock) {
    this(inbox, self, threads, stats, clock, null);
  }

  /** @param staffChannel the hand-off channel: staff replies in its threads are always taken in */
  SlackInbound(Inbox inbox, Supplier<SlackIdentity> self, BotThreads threads, SlackStats stats, Clock clock,
      String staffChannel) {
    this.staffChannel = staffChannel;
    this.inbox = inbox;
    this.self = self;
    this.threads = threads;
    this.stats = stats;
    this.clock = clock;
  }

  /**
   * An {@code event_callback}: offered to the inbox when it is a message to answer.
   *
   * @return true when recorded, false when ignored or a duplicate; failed when the inbox failed
   */
  Future<Boolean> event(JsonObject callback) throws SlackPayloadException {
    SlackMessageEvent event = SlackMessageEvent.fromCallback(callback);
    if (event == null) {
      stats.count("ignored.event_type");
      return Future.succeededFuture(false);
    }
    SlackIdentity me = self.get();
    // Hand-off threads outlive a restart (the bot's own thread memory does not): any thread reply in
    // the staff channel is taken in, and the responder decides whether it belongs to a case.
    boolean staffThread = staffChannel != null && staffChannel.equals(event.channel()) && event.threadTs() != null;
    Verdict verdict = event.verdict(me, staffThread || threads.takesPart(event.channel(), event.threadTs()));
    if (verdict != Verdict.ANSWER) {
      stats.count("ignored." + verdict.name().toLowerCase(Locale.ROOT));
      return Future.succeededFuture(false);
    }
    JsonObject payload = new JsonObject().put("kind", "message").put("team", event.teamId())
        .put("channel", event.channel()).put("user", event.user())
        .put("text", SlackText.plain(event.text(), me == null ? null : me.userId()))
        .put("ts", event.ts()).put("threadRoot", event.threadRoot()).put("inThread", event.threadTs() != null)
        .put("direct", event.isDirect());
    String eventKey = "slack:event:" + event.apiAppId() + ":" + event.teamId() + ":" + event.eventId();
    String messageKey = "slack:msg:" + event.channel() + ":" + event.ts();
    return offer(new InboundMessage(eventKey, CHANNEL, List.of(eventKey, messageKey),
        conversation(event.teamId(), event.channel(), event.isDirect(), event.threadRoot()), payload, clock.instant()));
  }

  /** A {@code block_actions} payload: the pressed button, recorded once per press. */
  Future<Boolean> action(JsonObject interaction) throws SlackPayloadException {
    SlackAction action = SlackAction.fromPayload(interaction);
    if (action == null) {
      stats.count("ignored.interaction_type");
      return Future.succeededFuture(false);
    }
    if (action.channelId() == null || action.actionId() == null || action.teamId() == null) {
      throw new SlackPayloadException("block_actions without channel, team or action_id");
    }
    boolean direct = action.channelId().startsWith("D");
    String root = action.threadTs() != null ? action.threadTs() : action.messageTs();
    JsonObject payload = new JsonObject().put("kind", "action").put("team", action.teamId())
        .put("channel", action.channelId()).put("user", action.userId()).put("action", action.actionId())
        .put("value", action.value()).put("threadRoot", root).put("inThread", action.threadTs() != null)
        .put("direct", direct).put("responseUrl", action.responseUrl());
    String press = action.triggerId() != null ? action.triggerId() : action.userId() + ":" + action.actionTs();
    String key = "slack:action:" + action.teamId() + ":" + press;
    return offer(new InboundMessage(key, CHANNEL, List.of(key),
        conversation(action.teamId(), action.channelId(), direct, root), payload, clock.instant()));
  }

  private Future<Boolean> offer(InboundMessage message) {
    return inbox.offer(message).onSuccess(isNew -> stats.count(isNew ? "accepted" : "duplicate"))
        .onFailure(e -> {
          stats.count("rejected.inbox_unavailable");
          LOG.error("Slack message {} could not be recorded: {}", message.id(), e.getMessage());
        });
  }

  /**
   * A direct message conversation is the DM channel; in a channel each thread is its own
   * conversation, so two people's threads never mix.
   */
  static String conversation(String team, String channel, boolean direct, String threadRoot) {
    return direct || threadRoot == null ? "slack:" + team + ":" + channel : "slack:" + team + ":" + channel + ":" + threadRoot;
  }
}
