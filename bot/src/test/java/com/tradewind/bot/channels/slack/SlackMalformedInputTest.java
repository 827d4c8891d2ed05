package com.tradewind.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed but mangled versions of the recorded payloads (fields dropped, types swapped, bodies cut)
 * never get a 5xx and never crash the connector: 200 (acknowledged or ignored) or 400.
 */
class SlackMalformedInputTest {

  private static final String[] FIXTURES = {"message-im.json", "app-mention.json", "thread-reply.json",
      "message-changed.json", "message-own-bot.json", "url-verification.json", "block-actions.json"};
  private static final Object[] ODD_VALUES = {null, 42, -1.5, true, "", "x", new JsonObject(), new JsonArray().add(1),
      "<@U0LAN0Z89>", "\u0000\uD83C"};
  private static SlackTestBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
    bed.resetSlack();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @Test
  void mangledPayloadsGet200Or400() throws Exception {
    Random random = new Random(20261128);
    List<String> problems = new ArrayList<>();
    try (var slack = bed.connect()) {
      for (int i = 0; i < 300; i++) {
        String fixture = FIXTURES[random.nextInt(FIXTURES.length)];
        JsonObject json = SlackTestBed.json(fixture);
        mangle(json, random);
        String text = json.encode();
        if (random.nextInt(5) == 0) {
          text = text.substring(0, random.nextInt(text.length())); // cut mid-way
        }
        boolean interaction = fixture.equals("block-actions.json");
        byte[] body = interaction
            ? ("payload=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)
            : text.getBytes(StandardCharsets.UTF_8);
        String path = interaction ? "/slack/interactions" : "/slack/events";
        int status = slack.signed(path, body, interaction ? "application/x-www-form-urlencoded" : "application/json")
            .statusCode();
        if (status != 200 && status != 400) {
          problems.add(status + " for " + text);
        }
      }
      for (int i = 0; i < 50; i++) {
        byte[] junk = new byte[random.nextInt(200)];
        random.nextBytes(junk);
        int status = slack.signed("/slack/commands", junk, "application/x-www-form-urlencoded").statusCode();
        if (status != 200 && status != 400) {
          problems.add(status + " for random form bytes");
        }
      }
      slack.drain();
    }
    assertTrue(problems.isEmpty(), problems.toString());
  }

  /** Drops or replaces a few fields at the top level and in the inner event. */
  private static void mangle(JsonObject json, Random random) {
    for (JsonObject target : targets(json)) {
      List<String> keys = new ArrayList<>(target.fieldNames());
      for (int n = random.nextInt(3); n >= 0 && !keys.isEmpty(); n--) {
        String key = keys.get(random.nextInt(keys.size()));
        if (random.nextBoolean()) {
          target.remove(key);
          keys.remove(key);
        } else {
          target.put(key, ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
        }
      }
    }
  }

  private static List<JsonObject> targets(JsonObject json) {
    List<JsonObject> out = new ArrayList<>(List.of(json));
    for (String key : List.of("event", "user", "channel", "container", "team")) {
      if (json.getValue(key) instanceof JsonObject inner) {
        out.add(inner);
      }
    }
    if (json.getValue("actions") instanceof JsonArray actions && !actions.isEmpty()
        && actions.getValue(0) instanceof JsonObject first) {
      out.add(first);
    }
    return out;
  }
}
