package com.tradewind.bot.channels.whatsapp;

import com.tradewind.bot.conversation.BotReply;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.ReplyButton;
import com.tradewind.connectors.whatsapp.WhatsAppClient;
import com.tradewind.connectors.whatsapp.WhatsAppOutbound;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a channel-neutral reply into WhatsApp messages within Meta's limits: sources become a
 * short list of links under the text, up to three buttons become reply buttons (titles cut to 20
 * characters), and long texts are split at line or word boundaries. With buttons, the last part
 * of the text (at most 1,024 characters) carries them.
 */
final class WhatsAppReplyRenderer {

  private static final int MAX_SOURCES = 3;
  private final ReplyTemplates replies;
  private final String sourceBaseUrl;

  /** @param sourceBaseUrl prefix for relative source links, or null to list titles only */
  WhatsAppReplyRenderer(ReplyTemplates replies, String sourceBaseUrl) {
    this.replies = replies;
    this.sourceBaseUrl = sourceBaseUrl;
  }

  List<WhatsAppOutbound> render(BotReply reply) {
    String text = withSources(reply);
    List<ReplyButton> buttons = buttons(reply.buttons());
    List<WhatsAppOutbound> parts = new ArrayList<>();
    if (buttons.isEmpty()) {
      split(text, WhatsAppClient.MAX_TEXT).forEach(chunk -> parts.add(new WhatsAppOutbound.Text(chunk)));
      return parts;
    }
    String tail = text;
    if (text.length() > WhatsAppClient.MAX_INTERACTIVE_BODY) {
      int from = text.length() - WhatsAppClient.MAX_INTERACTIVE_BODY;
      int cut = cutPoint(text, from, text.length(), from);
      split(text.substring(0, cut).strip(), WhatsAppClient.MAX_TEXT).forEach(c -> parts.add(new WhatsAppOutbound.Text(c)));
      tail = text.substring(cut).strip();
    }
    parts.add(new WhatsAppOutbound.Buttons(tail, buttons));
    return parts;
  }

  private String withSources(BotReply reply) {
    String text = reply.text() == null || reply.text().isBlank() ? "…" : reply.text().strip();
    if (reply.sources().isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text).append("\n\n").append(replies.text(reply.language(), "knowledge_sources"));
    reply.sources().stream().limit(MAX_SOURCES).forEach(s -> {
      out.append("\n• ").append(s.title());
      if (s.section() != null && !s.section().isBlank() && !s.section().equals(s.title())) {
        out.append(" – ").append(s.section());
      }
      String link = link(s.url());
      if (link != null) {
        out.append(": ").append(link);
      }
    });
    return out.toString();
  }

  private String link(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    if (url.startsWith("http://") || url.startsWith("https://")) {
      return url;
    }
    return sourceBaseUrl == null ? null : sourceBaseUrl + (url.startsWith("/") ? url : "/" + url);
  }

  private static List<ReplyButton> buttons(List<BotReply.Button> buttons) {
    List<ReplyButton> out = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    for (BotReply.Button b : buttons) {
      if (out.size() == WhatsAppClient.MAX_BUTTONS) {
        break;
      }
      String id = b.id() == null ? "" : b.id();
      // an id must come back unchanged, so one that does not fit is left out rather than cut
      if (id.isBlank() || id.length() > ReplyButton.MAX_ID || !id.equals(id.strip())) {
        continue;
      }
      String title = title(b.label() == null || b.label().isBlank() ? id : b.label().strip());
      if (titles.add(title)) {
        out.add(new ReplyButton(id, title));
      }
    }
    return out;
  }

  private static String title(String label) {
    if (label.length() <= ReplyButton.MAX_TITLE) {
      return label;
    }
    int end = ReplyButton.MAX_TITLE - 1;
    if (Character.isHighSurrogate(label.charAt(end - 1))) {
      end--;
    }
    return label.substring(0, end).strip() + "…";
  }

  /** Splits into pieces of at most {@code max} characters, preferring line, then word boundaries. */
  static List<String> split(String text, int max) {
    List<String> out = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = cutPoint(rest, 1, max, max);
      out.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return out;
  }

  /** The best place to cut within [{@code from}, {@code to}]: a newline, else a space, else {@code fallback}. */
  private static int cutPoint(String text, int from, int to, int fallback) {
    int newline = text.lastIndexOf('\n', to - 1);
    if (newline >= from) {
      return newline + 1;
    }
    int space = text.lastIndexOf(' ', to - 1);
    if (space >= from) {
      return space + 1;
    }
    boolean midPair = fallback > 0 && fallback < text.length() && Character.isHighSurrogate(text.charAt(fallback - 1));
    // never split an emoji: move the cut inside the allowed range
    return !midPair ? fallback : fallback == to ? fallback - 1 : fallback + 1;
  }
}
