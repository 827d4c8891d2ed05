package com.tradewind.connectors.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.connectors.slack.SlackMessageEvent.Verdict;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events, slash commands and interactions parsed from the payloads Slack documents. */
class SlackPayloadsTest {

  private static final SlackIdentity SELF = new SlackIdentity("U0LAN0Z89", "B999", "T061EG9R6");

  private static SlackMessageEvent event(String fixture) throws SlackPayloadException {
    return SlackMessageEvent.fromCallback(Fixtures.json(fixture));
  }

  @Test
  void aDirectMessageIsAnswered() throws Exception {
    SlackMessageEvent e = event("message-im.json");
    assertEquals("Ev0PV52K21", e.eventId());
    assertEquals("T061EG9R6", e.teamId());
    assertEquals("A0PNCHHK2", e.apiAppId());
    assertEquals("D024BE91L", e.channel());
    assertEquals("1355517523.000005", e.ts());
    assertTrue(e.isDirect());
    assertEquals(Verdict.ANSWER, e.verdict(SELF, false));
    assertEquals(Verdict.ANSWER, e.verdict(null, false)); // before auth.test answered
    assertEquals("1355517523.000005", e.threadRoot());
  }

  @Test
  void mentionsAreAnsweredEvenAsPlainChannelMessages() throws Exception {
    assertEquals(Verdict.ANSWER, event("app-mention.json").verdict(SELF, false));
    SlackMessageEvent asMessage = event("message-channel-mention.json");
    assertEquals(Verdict.ANSWER, asMessage.verdict(SELF, false));
    assertEquals(Verdict.NOT_ADDRESSED, asMessage.verdict(new SlackIdentity("UOTHER", "B1", "T1"), false));
  }

  @Test
  void threadRepliesAreAnsweredWhereTheBotTakesPart() throws Exception {
    SlackMessageEvent reply = event("thread-reply.json");
    assertTrue(reply.isThreadReply());
    assertEquals("1515449522.000016", reply.threadRoot());
    assertEquals(Verdict.ANSWER, reply.verdict(SELF, true));
    assertEquals(Verdict.NOT_ADDRESSED, reply.verdict(SELF, false));
  }

  @Test
  void ownMessagesEditsDeletesAndJoinsAreNotAnswered() throws Exception {
    SlackMessageEvent own = event("message-own-bot.json");
    assertEquals("B999", own.botId());
    assertEquals("A0PNCHHK2", own.botAppId());
    assertEquals(Verdict.FROM_A_BOT, own.verdict(SELF, true));
    JsonObject byUserOnly = Fixtures.json("message-own-bot.json");
    byUserOnly.getJsonObject("event").remove("bot_id");
    byUserOnly.getJsonObject("event").remove("bot_profile");
    assertEquals(Verdict.FROM_A_BOT, SlackMessageEvent.fromCallback(byUserOnly).verdict(SELF, true));
    assertEquals(Verdict.SUBTYPE, event("message-changed.json").verdict(SELF, true));
    assertEquals(Verdict.SUBTYPE, event("channel-join.json").verdict(SELF, true));
    JsonObject broadcast = Fixtures.json("thread-reply.json");
    broadcast.getJsonObject("event").put("subtype", "thread_broadcast");
    assertEquals(Verdict.ANSWER, SlackMessageEvent.fromCallback(broadcast).verdict(SELF, true));
  }

  @Test
  void otherEventTypesAreNotMessagesAndBrokenEnvelopesAreErrors() throws Exception {
    assertNull(SlackMessageEvent.fromCallback(new JsonObject().put("event", new JsonObject().put("type", "reaction_added"))));
    assertThrows(SlackPayloadException.class, () -> SlackMessageEvent.fromCallback(new JsonObject().put("type", "event_callback")));
    assertThrows(SlackPayloadException.class, () -> SlackMessageEvent.fromCallback(
        new JsonObject().put("event", new JsonObject().put("type", "message").put("channel", "C1"))));
  }

  @Test
  void slashCommandFromTheDocumentedForm() throws Exception {
    SlackCommand command = SlackCommand.fromForm(SlackForm.parse(Fixtures.bytes("slash-command.form")));
    assertEquals("/weather", command.command());
    assertEquals("94070", command.text());
    assertEquals("T0001", command.teamId());
    assertEquals("C2147483705", command.channelId());
    assertEquals("U2147483697", command.userId());
    assertEquals("https://hooks.slack.com/commands/1234/5678", command.responseUrl());
    assertEquals("A123456", command.apiAppId());
    SlackCommand empty = SlackCommand.fromForm(SlackForm.parse(Fixtures.bytes("signing-vector.form")));
    assertEquals("", empty.text());
    assertThrows(SlackPayloadException.class, () -> SlackCommand.fromForm(Map.of("text", "x")));
    assertThrows(SlackPayloadException.class, () -> SlackForm.parse("text=%zz".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void blockActionsFromTheDocumentedPayload() throws Exception {
    String form = "payload=" + java.net.URLEncoder.encode(Fixtures.text("block-actions.json"), StandardCharsets.UTF_8);
    JsonObject payload = SlackAction.payloadOf(SlackForm.parse(form.getBytes(StandardCharsets.UTF_8)));
    SlackAction action = SlackAction.fromPayload(payload);
    assertEquals("WaXA", action.actionId());
    assertEquals("click_me_123", action.value());
    assertEquals("UA8RXUSPL", action.userId());
    assertEquals("T9TK3CUKW", action.teamId());
    assertEquals("CBR2V3XEX", action.channelId());
    assertEquals("1548261231.000200", action.messageTs());
    assertEquals("1548261230.000100", action.threadTs());
    assertEquals("https://hooks.slack.com/actions/AABA1ABCD/1232321423432/D09sSasdasdAS9091209", action.responseUrl());
    assertNull(SlackAction.fromPayload(new JsonObject().put("type", "view_submission")));
    assertThrows(SlackPayloadException.class, () -> SlackAction.payloadOf(Map.of("payload", "{not json")));
    assertThrows(SlackPayloadException.class, () -> SlackAction.payloadOf(Map.of()));
    assertThrows(SlackPayloadException.class, () -> SlackAction.fromPayload(new JsonObject().put("type", "block_actions")));
  }

  @Test
  void blocksStayWithinSlackLimits() {
    String longText = "x".repeat(5000);
    assertEquals(3000, SlackBlocks.section(longText).getJsonObject("text").getString("text").length());
    JsonObject actions = SlackBlocks.actions("fb", java.util.List.of(new SlackBlocks.Button("a", "y".repeat(100), "v", null)));
    assertEquals(75, actions.getJsonArray("elements").getJsonObject(0).getJsonObject("text").getString("text").length());
    assertEquals("<https://x.io/a?b=1%7C2|a &amp; b¦c>", SlackBlocks.link("https://x.io/a?b=1|2", "a & b|c"));
    String emoji = "🌊".repeat(2000); // surrogate pairs are never split
    String cut = SlackBlocks.cut(emoji, 3000);
    assertTrue(cut.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF));
    assertTrue(cut.endsWith("…"));
  }
}
