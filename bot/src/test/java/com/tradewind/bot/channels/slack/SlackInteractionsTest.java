package com.tradewind.bot.channels.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.channels.FeedbackRecorder;
import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /slack/interactions}: feedback per answer and hand-off from the buttons. */
class SlackInteractionsTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static SlackTestBed bed;

  @BeforeAll
  static void start() throws Exception {
    bed = new SlackTestBed();
  }

  @AfterAll
  static void stop() throws Exception {
    bed.close();
  }

  @BeforeEach
  void reset() {
    bed.resetSlack();
  }

  /** The documented block_actions payload with our button and a response_url on WireMock. */
  private static byte[] press(String actionId, String value, String trigger, String channel) {
    JsonObject payload = SlackTestBed.json("block-actions.json").put("trigger_id", trigger)
        .put("response_url", "http://127.0.0.1:" + bed.slack.port() + "/response");
    payload.getJsonObject("channel").put("id", channel);
    payload.getJsonObject("team").put("id", "T061EG9R6"); // the workspace of the recorded events
    payload.getJsonObject("container").put("channel_id", channel);
    payload.getJsonArray("actions").getJsonObject(0).put("action_id", actionId).put("value", value);
    return ("payload=" + URLEncoder.encode(payload.encode(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aThumbIsRecordedPerAnswerAndThankedPrivately() throws Exception {
    try (var slack = bed.connect()) {
      assertEquals(200, slack.signed("/slack/interactions", press("helpful", "C0FB/1700.0001", "tr-1", "C0FB"), FORM).statusCode());
      assertEquals(200, slack.signed("/slack/interactions", press("not_helpful", "C0FB/1700.0002", "tr-2", "C0FB"), FORM).statusCode());
      assertEquals(200, slack.signed("/slack/interactions", press("helpful", "C0FB/1700.0001", "tr-1", "C0FB"), FORM).statusCode());
      slack.drain();
      List<InMemoryFeedbackRecorder.Entry> votes = slack.feedback.entries();
      assertEquals(2, votes.size(), "the repeated delivery of tr-1 counts once");
      assertTrue(votes.contains(new InMemoryFeedbackRecorder.Entry("C0FB/1700.0001", FeedbackRecorder.Vote.HELPFUL, "UA8RXUSPL", "slack")));
      assertTrue(votes.contains(new InMemoryFeedbackRecorder.Entry("C0FB/1700.0002", FeedbackRecorder.Vote.NOT_HELPFUL, "UA8RXUSPL", "slack")));
      List<JsonObject> thanks = bed.responses();
      assertEquals(2, thanks.size());
      assertEquals("ephemeral", thanks.get(0).getString("response_type"));
      assertEquals(0, bed.posts().size(), "votes are not announced in the channel");
    }
  }

  @Test
  void talkToAHumanHandsOffAndTheBotThenStaysSilentInThatThread() throws Exception {
    try (var slack = bed.connect()) {
      assertEquals(200, slack.signed("/slack/interactions", press("human", "C0HUMAN/1548261230.000100", "tr-h", "C0HUMAN"), FORM)
          .statusCode());
      slack.drain();
    }
    List<JsonObject> posts = bed.posts();
    assertEquals(1, posts.size());
    assertEquals("C0HUMAN", posts.get(0).getString("channel"));
    assertEquals("1548261230.000100", posts.get(0).getString("thread_ts"));
    try (var slack = bed.connect()) {
      // the same thread, now with a person in charge: the mention is accepted but not answered
      JsonObject mention = SlackTestBed.json("app-mention.json").put("event_id", "EvAfterHandoff");
      mention.getJsonObject("event").put("channel", "C0HUMAN").put("ts", "1548261290.000300").put("thread_ts", "1548261230.000100");
      assertEquals(200, slack.event(mention).statusCode());
      slack.drain();
    }
    assertEquals(1, bed.posts().size());
  }

  @Test
  void malformedInteractionsAre400AndOtherTypesIgnored() throws Exception {
    try (var slack = bed.connect()) {
      HttpResponse<Buffer> notJson = slack.signed("/slack/interactions", "payload=%7Bnope".getBytes(StandardCharsets.UTF_8), FORM);
      assertEquals(400, notJson.statusCode());
      assertEquals(400, slack.signed("/slack/interactions", "other=1".getBytes(StandardCharsets.UTF_8), FORM).statusCode());
      byte[] shortcut = ("payload=" + URLEncoder.encode("{\"type\":\"shortcut\",\"callback_id\":\"x\"}", StandardCharsets.UTF_8))
          .getBytes(StandardCharsets.UTF_8);
      assertEquals(200, slack.signed("/slack/interactions", shortcut, FORM).statusCode());
      byte[] unsigned = press("helpful", "x", "tr-u", "C1");
      assertEquals(401, slack.post("/slack/interactions", unsigned, FORM, io.vertx.core.MultiMap.caseInsensitiveMultiMap()).statusCode());
      slack.drain();
      assertEquals(0, slack.feedback.entries().size());
    }
  }
}
