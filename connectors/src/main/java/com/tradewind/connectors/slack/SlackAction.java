package com.tradewind.connectors.slack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * The first action of a {@code block_actions} interaction: a button pressed under one of the
 * bot's messages.
 *
 * @param messageTs the ts of the message holding the button
 * @param threadTs the thread that message is in, or null
 * @param value the button's value (the bot puts the answer id there)
 */
public record SlackAction(String teamId, String userId, String channelId, String messageTs, String threadTs,
    String actionId, String value, String actionTs, String responseUrl, String triggerId) {

  /** The interaction payload of an HTTP request: the form field {@code payload} holding JSON. */
  public static JsonObject payloadOf(Map<String, String> form) throws SlackPayloadException {
    String json = form.get("payload");
    if (json == null) {
      throw new SlackPayloadException("interaction without a payload field");
    }
    try {
      return new JsonObject(json);
    } catch (RuntimeException e) {
      throw new SlackPayloadException("interaction payload is not a JSON object");
    }
  }

  /**
   * Reads a {@code block_actions} payload.
   *
   * @return null for other interaction types (shortcuts, view submissions), which are ignored
   */
  public static SlackAction fromPayload(JsonObject payload) throws SlackPayloadException {
    if (!"block_actions".equals(payload.getValue("type"))) {
      return null;
    }
    JsonObject user = object(payload, "user");
    JsonObject team = object(payload, "team");
    JsonObject channel = object(payload, "channel");
    JsonObject container = object(payload, "container");
    JsonObject message = object(payload, "message");
    JsonArray actions = payload.getValue("actions") instanceof JsonArray a ? a : null;
    if (user == null || actions == null || actions.isEmpty() || !(actions.getValue(0) instanceof JsonObject action)) {
      throw new SlackPayloadException("block_actions without user or actions");
    }
    String channelId = channel != null ? string(channel, "id") : container == null ? null : string(container, "channel_id");
    String messageTs = container != null && string(container, "message_ts") != null ? string(container, "message_ts")
        : message == null ? null : string(message, "ts");
    String threadTs = container != null && string(container, "thread_ts") != null ? string(container, "thread_ts")
        : message == null ? null : string(message, "thread_ts");
    String teamId = team != null ? string(team, "id") : string(user, "team_id");
    return new SlackAction(teamId, string(user, "id"), channelId, messageTs, threadTs, string(action, "action_id"),
        string(action, "value"), string(action, "action_ts"), string(payload, "response_url"),
        string(payload, "trigger_id"));
  }

  private static JsonObject object(JsonObject json, String field) {
    return json.getValue(field) instanceof JsonObject o ? o : null;
  }

  private static String string(JsonObject json, String field) {
    return json.getValue(field) instanceof String s && !s.isEmpty() ? s : null;
  }
}
