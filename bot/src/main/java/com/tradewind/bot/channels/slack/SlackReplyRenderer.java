package com.tradewind.bot.channels.slack;

import com.tradewind.bot.conversation.BotReply;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.Turn;
import com.tradewind.connectors.slack.SlackBlocks;
import com.tradewind.connectors.slack.SlackText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialogue turn as a Slack message: an order or parcel card header for lookups, the answer,
 * its sources in a context line and the reply's buttons (👍/👎 and "talk to a person") carrying
 * the answer id so a vote can be tied to the answer.
 */
final class SlackReplyRenderer {

  static final String ACTIONS_BLOCK = "tw_actions";
  private final String publicUrl;

  /** @param publicUrl the bot's public base URL for source links, or null for plain titles */
  SlackReplyRenderer(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  /** {@code text} (notification fallback) and {@code blocks} of a {@code chat.postMessage}. */
  JsonObject render(Turn turn, String answerId) {
    BotReply reply = turn.reply();
    JsonArray blocks = new JsonArray();
    String card = cardTitle(turn);
    if (card != null) {
      blocks.add(SlackBlocks.header(card));
    }
    blocks.add(SlackBlocks.section(SlackText.escape(reply.text())));
    if (!reply.sources().isEmpty()) {
      blocks.add(SlackBlocks.context(reply.sources().stream().map(this::source).toList()));
    }
    if (!reply.buttons().isEmpty()) {
      List<SlackBlocks.Button> buttons = new ArrayList<>();
      for (BotReply.Button b : reply.buttons()) {
        buttons.add(new SlackBlocks.Button(b.id(), icon(b.id()) + b.label(), answerId, null));
      }
      blocks.add(SlackBlocks.actions(ACTIONS_BLOCK, buttons));
    }
    return new JsonObject().put("text", SlackBlocks.cut(SlackText.escape(reply.text()), SlackBlocks.MESSAGE_TEXT))
        .put("blocks", blocks);
  }

  private static String cardTitle(Turn turn) {
    String order = turn.entities().get("order_id");
    String parcel = turn.entities().get("tracking_number");
    if (DialogueEngine.TRACK_PARCEL.equals(turn.intent()) && parcel != null) {
      return "🚚 " + parcel;
    }
    if (DialogueEngine.ORDER_STATUS.equals(turn.intent()) && order != null) {
      return "📦 " + order;
    }
    return null;
  }

  private String source(BotReply.Source source) {
    String label = source.section() == null || source.section().isBlank() || source.section().equals(source.title())
        ? source.title() : source.title() + " › " + source.section();
    if (publicUrl == null || source.url() == null) {
      return "📄 " + SlackText.escape(label);
    }
    String url = source.url().startsWith("http") ? source.url() : publicUrl + encodePath(source.url());
    return "📄 " + SlackBlocks.link(url, label);
  }

  /** Percent-encodes each path segment: documents may have spaces or Chinese names. */
  private static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path.split("/", -1)) {
      if (!out.isEmpty() || path.startsWith("/")) {
        out.append('/');
      }
      out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return path.startsWith("/") ? out.substring(1) : out.toString();
  }

  private static String icon(String buttonId) {
    // feedback buttons carry the answer they rate: "helpful:<answerId>"
    int colon = buttonId.indexOf(':');
    return switch (colon > 0 ? buttonId.substring(0, colon) : buttonId) {
      case "helpful" -> "👍 ";
      case "not_helpful" -> "👎 ";
      case "human" -> "🙋 ";
      case "track" -> "🚚 ";
      case "order_status" -> "📦 ";
      default -> "";
    };
  }
}
