package com.tradewind.connectors.slack;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The fields of an {@code event_callback} carrying a {@code message} or {@code app_mention} event
 * that the bot needs to decide whether to answer and where.
 *
 * @param type {@code message} or {@code app_mention}
 * @param channelType {@code im}, {@code channel}, {@code group}, {@code mpim}; null for mentions
 * @param threadTs the parent's ts when the message is in a thread, else null
 * @param botAppId {@code bot_profile.app_id}, or null
 */
public record SlackMessageEvent(String apiAppId, String teamId, String eventId, String type, String channel,
    String channelType, String user, String text, String ts, String threadTs, String subtype, String botId,
    String botAppId) {

  /** What to do with an event; everything but {@link #ANSWER} is acknowledged and dropped. */
  public enum Verdict {
    ANSWER,
    /** Posted by this app, its bot user, or any other bot (bots answering bots loop). */
    FROM_A_BOT,
    /** An edit, delete, join, topic change… anything but a plain or broadcast message. */
    SUBTYPE,
    /** A channel message that neither mentions the bot nor continues a thread it takes part in. */
    NOT_ADDRESSED,
    /** No text to answer (e.g. an image without caption). */
    EMPTY
  }

  /**
   * Subtypes still answered: {@code thread_broadcast} is a thread reply the author also sent to
   * the channel, still a person writing in the thread.
   */
  private static final Set<String> ANSWERED_SUBTYPES = Set.of("thread_broadcast");

  /**
   * Reads an {@code event_callback} body.
   *
   * @return null when the inner event is neither a message nor a mention (ignored)
   * @throws SlackPayloadException when the envelope lacks what Slack always sends
   */
  public static SlackMessageEvent fromCallback(JsonObject body) throws SlackPayloadException {
    Object inner = body.getValue("event");
    if (!(inner instanceof JsonObject event)) {
      throw new SlackPayloadException("event_callback without an event object");
    }
    String type = string(event, "type");
    if (!"message".equals(type) && !"app_mention".equals(type)) {
      return null;
    }
    String eventId = string(body, "event_id");
    String teamId = string(body, "team_id");
    String channel = string(event, "channel");
    if (eventId == null || teamId == null || channel == null) {
      throw new SlackPayloadException("event_callback without event_id, team_id or event.channel");
    }
    JsonObject profile = event.getValue("bot_profile") instanceof JsonObject p ? p : null;
    return new SlackMessageEvent(string(body, "api_app_id"), teamId, eventId, type, channel,
        string(event, "channel_type"), string(event, "user"), string(event, "text"), string(event, "ts"),
        string(event, "thread_ts"), string(event, "subtype"), string(event, "bot_id"),
        profile == null ? null : string(profile, "app_id"));
  }

  private static String string(JsonObject json, String field) {
    return json.getValue(field) instanceof String s && !s.isEmpty() ? s : null;
  }

  /**
   * Decides whether the bot answers.
   *
   * @param self the bot's identity, or null while {@code auth.test} has not answered yet
   * @param inBotThread whether the bot already answered in the thread this message continues
   */
  public Verdict verdict(SlackIdentity self, boolean inBotThread) {
    if (botId != null || botAppId != null || "bot_message".equals(subtype)
        || self != null && self.userId().equals(user)) {
      return Verdict.FROM_A_BOT;
    }
    if (subtype != null && !ANSWERED_SUBTYPES.contains(subtype)) {
      return Verdict.SUBTYPE;
    }
    if (user == null || ts == null) {
      return Verdict.SUBTYPE; // hidden or system messages carry no author
    }
    if (text == null || text.isBlank()) {
      return Verdict.EMPTY;
    }
    boolean addressed = "app_mention".equals(type) || isDirect()
        || self != null && SlackText.mentions(text, self.userId())
        || isThreadReply() && inBotThread;
    return addressed ? Verdict.ANSWER : Verdict.NOT_ADDRESSED;
  }

  /** A direct message to the bot ({@code message.im}); DM channel ids start with D. */
  public boolean isDirect() {
    return "im".equals(channelType) || channelType == null && channel.startsWith("D");
  }

  /** A reply inside a thread rather than the thread's first message. */
  public boolean isThreadReply() {
    return threadTs != null && !threadTs.equals(ts);
  }

  /** The ts replies go under: the thread's parent, or this message which starts a new thread. */
  public String threadRoot() {
    return threadTs != null ? threadTs : ts;
  }
}
