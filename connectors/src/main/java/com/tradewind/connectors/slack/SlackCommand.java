package com.tradewind.connectors.slack;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A slash command invocation ({@code /order 8123…}).
 *
 * @param text everything after the command, possibly empty
 * @param responseUrl where up to five late answers may be posted within 30 minutes
 */
public record SlackCommand(String apiAppId, String teamId, String channelId, String userId, String command,
    String text, String responseUrl, String triggerId) {

  /** From the form fields of an HTTP request. */
  public static SlackCommand fromForm(Map<String, String> form) throws SlackPayloadException {
    return of(form::get);
  }

  /** From a Socket Mode {@code slash_commands} envelope, where the same fields come as JSON. */
  public static SlackCommand fromJson(JsonObject payload) throws SlackPayloadException {
    return of(name -> payload.getValue(name) instanceof String s ? s : null);
  }

  private static SlackCommand of(java.util.function.Function<String, String> field) throws SlackPayloadException {
    String command = field.apply("command");
    String team = field.apply("team_id");
    String user = field.apply("user_id");
    String channel = field.apply("channel_id");
    if (command == null || !command.startsWith("/") || team == null || user == null || channel == null) {
      throw new SlackPayloadException("slash command without command, team_id, user_id or channel_id");
    }
    String text = field.apply("text");
    return new SlackCommand(field.apply("api_app_id"), team, channel, user, command, text == null ? "" : text.strip(),
        field.apply("response_url"), field.apply("trigger_id"));
  }
}
