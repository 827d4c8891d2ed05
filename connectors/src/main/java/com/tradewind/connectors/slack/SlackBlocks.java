package com.tradewind.connectors.slack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Block Kit pieces within Slack's documented limits: text longer than a block allows is cut with
 * an ellipsis rather than having the whole message rejected as {@code invalid_blocks}.
 */
public final class SlackBlocks {

  public static final int SECTION_TEXT = 3000;
  public static final int FIELD_TEXT = 2000;
  public static final int HEADER_TEXT = 150;
  public static final int BUTTON_TEXT = 75;
  public static final int BUTTON_VALUE = 2000;
  public static final int CONTEXT_ELEMENTS = 10;
  public static final int FIELDS = 10;
  /** Fallback {@code text} Slack recommends staying under. */
  public static final int MESSAGE_TEXT = 4000;

  /** A button; {@code style} is {@code primary}, {@code danger} or null. */
  public record Button(String actionId, String label, String value, String style) {}

  private SlackBlocks() {}

  /** A section of mrkdwn (already escaped by the caller where it holds user text). */
  public static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section").put("text", mrkdwn(cut(mrkdwn, SECTION_TEXT)));
  }

  /** A section of label/value fields, two columns on wide screens (cards). */
  public static JsonObject fields(List<String> mrkdwnFields) {
    JsonArray fields = new JsonArray();
    mrkdwnFields.stream().limit(FIELDS).forEach(f -> fields.add(mrkdwn(cut(f, FIELD_TEXT))));
    return new JsonObject().put("type", "section").put("fields", fields);
  }

  public static JsonObject header(String plainText) {
    return new JsonObject().put("type", "header").put("text", plain(cut(plainText, HEADER_TEXT)));
  }

  /** Small grey text under an answer, e.g. its sources. */
  public static JsonObject context(List<String> mrkdwnElements) {
    JsonArray elements = new JsonArray();
    mrkdwnElements.stream().limit(CONTEXT_ELEMENTS).forEach(e -> elements.add(mrkdwn(cut(e, FIELD_TEXT))));
    return new JsonObject().put("type", "context").put("elements", elements);
  }

  public static JsonObject actions(String blockId, List<Button> buttons) {
    JsonArray elements = new JsonArray();
    for (Button b : buttons) {
      JsonObject button = new JsonObject().put("type", "button").put("action_id", b.actionId())
          .put("text", plain(cut(b.label(), BUTTON_TEXT)).put("emoji", true));
      if (b.value() != null) {
        button.put("value", cut(b.value(), BUTTON_VALUE));
      }
      if (b.style() != null) {
        button.put("style", b.style());
      }
      elements.add(button);
    }
    return new JsonObject().put("type", "actions").put("block_id", blockId).put("elements", elements);
  }

  /** A link in mrkdwn; {@code |} and {@code >} cannot appear inside the label. */
  public static String link(String url, String label) {
    String safeLabel = SlackText.escape(label).replace("|", "¦");
    return "<" + url.replace(">", "%3E").replace("|", "%7C") + "|" + safeLabel + ">";
  }

  private static JsonObject mrkdwn(String text) {
    return new JsonObject().put("type", "mrkdwn").put("text", text.isEmpty() ? " " : text);
  }

  private static JsonObject plain(String text) {
    return new JsonObject().put("type", "plain_text").put("text", text.isEmpty() ? " " : text);
  }

  /** Cuts to at most {@code max} characters without splitting a surrogate pair. */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
