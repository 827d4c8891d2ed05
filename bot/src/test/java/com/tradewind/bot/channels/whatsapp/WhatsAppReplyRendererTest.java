package com.tradewind.bot.channels.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.conversation.BotReply;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.WhatsAppClient;
import com.tradewind.connectors.whatsapp.WhatsAppOutbound;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies fitted into WhatsApp's limits: buttons, titles, sources and long texts. */
class WhatsAppReplyRendererTest {

  private static ReplyTemplates replies;

  @BeforeAll
  static void load() throws Exception {
    replies = ReplyTemplates.load(Path.of("config/replies"));
  }

  @Test
  void plainTextIsOneTextMessage() {
    List<WhatsAppOutbound> parts = new WhatsAppReplyRenderer(replies, null).render(BotReply.text("Hola", "es"));
    assertEquals(List.of(new WhatsAppOutbound.Text("Hola")), parts);
  }

  @Test
  void atMostThreeButtonsWithTitlesCutTo20AndUnfitIdsLeftOut() {
    BotReply reply = new BotReply("Pick one", "de", List.of(
        new BotReply.Button("x".repeat(257), "Too long an id"),
        new BotReply.Button("human", "Mit einem Menschen sprechen"),
        new BotReply.Button("track", "Sendung verfolgen"),
        new BotReply.Button("again", "Sendung verfolgen"),
        new BotReply.Button("order_status", "Bestellstatus"),
        new BotReply.Button("helpful", "Hilfreich")), List.of());
    var buttons = assertInstanceOf(WhatsAppOutbound.Buttons.class,
        new WhatsAppReplyRenderer(replies, null).render(reply).get(0));
    assertEquals(List.of("human", "track", "order_status"), buttons.buttons().stream().map(b -> b.id()).toList());
    assertEquals("Mit einem Menschen…", buttons.buttons().get(0).title());
    assertTrue(buttons.buttons().stream().allMatch(b -> b.title().length() <= 20));
  }

  @Test
  void sourcesBecomeAShortListOfLinks() {
    BotReply reply = new BotReply("Answer.", "en", List.of(), List.of(
        new BotReply.Source("Shipping templates", "Editing a template", "seller/en/shipping-templates.md",
            "/kb/seller/en/shipping-templates.md"),
        new BotReply.Source("Disputes", null, "seller/zh/disputes.md", "https://help.example.com/disputes")));
    String withBase = ((WhatsAppOutbound.Text) new WhatsAppReplyRenderer(replies, "https://support.example.com")
        .render(reply).get(0)).body();
    assertEquals("Answer.\n\nSources:\n• Shipping templates – Editing a template: "
        + "https://support.example.com/kb/seller/en/shipping-templates.md\n• Disputes: https://help.example.com/disputes",
        withBase);
    String withoutBase = ((WhatsAppOutbound.Text) new WhatsAppReplyRenderer(replies, null).render(reply).get(0)).body();
    assertFalse(withoutBase.contains("/kb/"), "a relative link is useless in WhatsApp: " + withoutBase);
  }

  @Test
  void longTextsAreSplitAtBoundariesAndTheButtonsRideOnTheLastPart() {
    String paragraph = "word ".repeat(199).strip() + "\n"; // 995 characters per line
    String text = paragraph.repeat(6).strip();
    List<WhatsAppOutbound> plain = new WhatsAppReplyRenderer(replies, null).render(BotReply.text(text, "en"));
    assertTrue(plain.size() >= 2);
    for (WhatsAppOutbound part : plain) {
      String body = ((WhatsAppOutbound.Text) part).body();
      assertTrue(body.length() <= WhatsAppClient.MAX_TEXT && !body.isBlank());
    }
    assertEquals(text.replaceAll("\\s+", ""), plain.stream().map(p -> ((WhatsAppOutbound.Text) p).body())
        .reduce("", String::concat).replaceAll("\\s+", ""), "nothing lost");

    BotReply withButton = new BotReply(text, "en", List.of(new BotReply.Button("human", "Talk to a person")), List.of());
    List<WhatsAppOutbound> parts = new WhatsAppReplyRenderer(replies, null).render(withButton);
    var last = assertInstanceOf(WhatsAppOutbound.Buttons.class, parts.get(parts.size() - 1));
    assertTrue(last.body().length() <= WhatsAppClient.MAX_INTERACTIVE_BODY && !last.body().isBlank());
    String joined = parts.stream().map(p -> p instanceof WhatsAppOutbound.Text t ? t.body() : ((WhatsAppOutbound.Buttons) p).body())
        .reduce("", String::concat);
    assertEquals(text.replaceAll("\\s+", ""), joined.replaceAll("\\s+", ""));
  }

  @Test
  void aTextWithoutSpacesIsCutWithoutBreakingEmoji() {
    String text = "😀".repeat(3000); // 6000 UTF-16 units, no spaces
    List<WhatsAppOutbound> parts = new WhatsAppReplyRenderer(replies, null).render(
        new BotReply(text, "en", List.of(new BotReply.Button("human", "Talk to a person")), List.of()));
    StringBuilder joined = new StringBuilder();
    for (WhatsAppOutbound part : parts) {
      String body = part instanceof WhatsAppOutbound.Text t ? t.body() : ((WhatsAppOutbound.Buttons) part).body();
      assertFalse(Character.isLowSurrogate(body.charAt(0)), "starts inside an emoji");
      assertFalse(Character.isHighSurrogate(body.charAt(body.length() - 1)), "ends inside an emoji");
      joined.append(body);
    }
    assertEquals(text, joined.toString());
    assertTrue(((WhatsAppOutbound.Buttons) parts.get(parts.size() - 1)).body().length() <= 1024);
  }
}
