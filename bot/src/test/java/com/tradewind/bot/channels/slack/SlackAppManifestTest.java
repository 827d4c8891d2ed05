package com.tradewind.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The manifest a team pastes into Slack matches the routes and commands the bot serves. */
class SlackAppManifestTest {

  private static final Map<String, String> SCOPE_OF_EVENT = Map.of("app_mention", "app_mentions:read",
      "message.im", "im:history", "message.channels", "channels:history", "message.groups", "groups:history");

  @Test
  void manifestPointsAtOurRoutesWithTheScopesItsEventsNeed() throws Exception {
    JsonNode manifest = new ObjectMapper(new YAMLFactory()).readTree(Path.of("config/slack-app-manifest.yaml").toFile());
    List<String> scopes = new ArrayList<>();
    manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
    assertTrue(scopes.containsAll(List.of("chat:write", "commands")), scopes.toString());
    manifest.at("/settings/event_subscriptions/bot_events").forEach(e ->
        assertTrue(scopes.contains(SCOPE_OF_EVENT.get(e.asText())), e.asText() + " needs its scope"));
    assertTrue(manifest.at("/settings/event_subscriptions/request_url").asText().endsWith("/slack/events"));
    assertTrue(manifest.at("/settings/interactivity/request_url").asText().endsWith("/slack/interactions"));
    assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
    List<String> commands = new ArrayList<>();
    manifest.at("/features/slash_commands").forEach(c -> {
      commands.add(c.get("command").asText());
      assertTrue(c.get("url").asText().endsWith("/slack/commands"));
    });
    assertEquals(List.of("/order", "/track", "/kb"), commands);
  }
}
