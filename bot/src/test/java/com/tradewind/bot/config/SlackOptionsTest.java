package com.tradewind.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackOptionsTest {

  @Test
  void offWithoutSecretsOnWithThem() {
    SlackOptions off = SlackOptions.fromEnv(Map.of());
    assertFalse(off.enabled());
    assertEquals("https://slack.com/api", off.apiUrl());
    SlackOptions http = SlackOptions.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s3cret", "SLACK_BOT_TOKEN", "xoxb-1",
        "SLACK_API_URL", "http://127.0.0.1:9999/api/", "SLACK_ALLOWED_TEAMS", "T061EG9R6, T0001,"));
    assertTrue(http.enabled());
    assertFalse(http.socketMode());
    assertEquals("http://127.0.0.1:9999/api", http.apiUrl());
    assertEquals(Set.of("T061EG9R6", "T0001"), http.allowedTeams());
    assertNull(http.publicUrl());
    SlackOptions socket = SlackOptions.fromEnv(Map.of("SLACK_APP_TOKEN", "xapp-1", "SLACK_BOT_TOKEN", "xoxb-1"));
    assertTrue(socket.enabled());
    assertTrue(socket.socketMode());
  }

  @Test
  void badCombinationsAndValuesNameTheVariableNeverTheSecret() {
    ConfigException noBot = assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of("SLACK_SIGNING_SECRET", "s3cret")));
    assertTrue(noBot.getMessage().contains("SLACK_BOT_TOKEN"), noBot.getMessage());
    assertFalse(noBot.getMessage().contains("s3cret"));
    ConfigException noWay = assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1")));
    assertTrue(noWay.getMessage().contains("SLACK_SIGNING_SECRET"));
    ConfigException userToken = assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of(
        "SLACK_BOT_TOKEN", "xoxp-private-user-token", "SLACK_SIGNING_SECRET", "s")));
    assertTrue(userToken.getMessage().contains("xoxb-"));
    assertFalse(userToken.getMessage().contains("private-user-token"));
    assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")));
    ConfigException url = assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of("SLACK_API_URL", "ftp://x")));
    assertTrue(url.getMessage().contains("SLACK_API_URL"));
    ConfigException team = assertThrows(ConfigException.class, () -> SlackOptions.fromEnv(Map.of("SLACK_ALLOWED_TEAMS", "T0001,acme")));
    assertTrue(team.getMessage().contains("SLACK_ALLOWED_TEAMS") && team.getMessage().contains("acme"));
  }
}
