package com.tradewind.bot.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Slack connector's settings, from the environment variables Slack's own tooling uses. The
 * connector is on when the bot token and a way to receive events (signing secret for HTTP, app
 * token for Socket Mode) are set, and off when none of them is.
 *
 * @param signingSecret {@code SLACK_SIGNING_SECRET}; null when events come over Socket Mode only
 * @param botToken {@code SLACK_BOT_TOKEN} ({@code xoxb-…}) for {@code chat.postMessage}
 * @param appToken {@code SLACK_APP_TOKEN} ({@code xapp-…}); set means Socket Mode
 * @param apiUrl {@code SLACK_API_URL} without a trailing slash
 * @param allowedTeams {@code SLACK_ALLOWED_TEAMS}: workspaces whose members are staff
 * @param publicUrl {@code TRADEWIND_PUBLIC_URL}: where the bot is reachable, so cited documents
 *     become links in Slack; null leaves them as plain titles
 */
public record SlackOptions(String signingSecret, String botToken, String appToken, String apiUrl,
    Set<String> allowedTeams, String publicUrl) {

  public static final String DEFAULT_API_URL = "https://slack.com/api";
  private static final Pattern TEAM_ID = Pattern.compile("[TE][A-Z0-9]{2,}");

  public SlackOptions {
    allowedTeams = Set.copyOf(allowedTeams);
  }

  /** Whether the connector runs. */
  public boolean enabled() {
    return botToken != null;
  }

  /** Events arrive over a WebSocket rather than at {@code /slack/events}. */
  public boolean socketMode() {
    return appToken != null;
  }

  /** Reads and checks the variables; a bad combination or value names the variable, never its value if secret. */
  public static SlackOptions fromEnv(Map<String, String> env) {
    String secret = value(env, "SLACK_SIGNING_SECRET");
    String bot = value(env, "SLACK_BOT_TOKEN");
    String app = value(env, "SLACK_APP_TOKEN");
    if (bot == null && (secret != null || app != null)) {
      throw ConfigException.ofSource("SLACK_BOT_TOKEN", "is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set"
          + " (the bot answers with chat.postMessage)");
    }
    if (bot != null && secret == null && app == null) {
      throw ConfigException.ofSource("SLACK_SIGNING_SECRET", "set it (Events API over HTTP) or SLACK_APP_TOKEN"
          + " (Socket Mode) so the bot can receive messages");
    }
    if (bot != null && !bot.startsWith("xoxb-")) {
      throw ConfigException.ofSource("SLACK_BOT_TOKEN", "must be a bot token starting with xoxb-");
    }
    if (app != null && !app.startsWith("xapp-")) {
      throw ConfigException.ofSource("SLACK_APP_TOKEN", "must be an app-level token starting with xapp-");
    }
    String apiUrl = httpUrl(env, "SLACK_API_URL", DEFAULT_API_URL);
    String publicUrl = httpUrl(env, "TRADEWIND_PUBLIC_URL", null);
    Set<String> teams = new LinkedHashSet<>();
    String teamList = value(env, "SLACK_ALLOWED_TEAMS");
    if (teamList != null) {
      for (String team : teamList.split(",")) {
        String id = team.strip();
        if (id.isEmpty()) {
          continue;
        }
        if (!TEAM_ID.matcher(id).matches()) {
          throw ConfigException.ofSource("SLACK_ALLOWED_TEAMS", "'" + id + "' is not a Slack team id (T… or E…);"
              + " expected a comma-separated list such as T061EG9R6,T0001");
        }
        teams.add(id);
      }
    }
    return new SlackOptions(secret, bot, app, apiUrl, teams, publicUrl);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String httpUrl(Map<String, String> env, String name, String fallback) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    try {
      URI uri = new URI(v);
      if (!Arrays.asList("http", "https").contains(uri.getScheme()) || uri.getHost() == null) {
        throw ConfigException.ofSource(name, "must be an http(s) URL, was '" + v + "'");
      }
    } catch (URISyntaxException e) {
      throw ConfigException.ofSource(name, "is not a valid URL: " + e.getMessage());
    }
    return v.replaceAll("/+$", "");
  }
}
