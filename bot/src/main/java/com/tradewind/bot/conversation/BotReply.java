package com.tradewind.bot.conversation;

import java.util.List;

/**
 * A channel-neutral reply: text plus optional buttons and sources. Each channel renders it its
 * own way (web chat bubbles, Slack Block Kit, WhatsApp interactive messages).
 *
 * @param language the language the text is written in
 * @param answerId set on knowledge answers: the id feedback (👍/👎) refers to, else null
 */
public record BotReply(String text, String language, List<Button> buttons, List<Source> sources, String answerId) {

  /** A reply that is not a knowledge answer. */
  public BotReply(String text, String language, List<Button> buttons, List<Source> sources) {
    this(text, language, buttons, sources, null);
  }

  /** A quick answer the user can tap; {@code id} comes back as the message's action. */
  public record Button(String id, String label) {}

  /** A knowledge-base passage the reply is based on. */
  public record Source(String title, String section, String path, String url) {}

  public static BotReply text(String text, String language) {
    return new BotReply(text, language, List.of(), List.of());
  }
}
