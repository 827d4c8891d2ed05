package com.tradewind.connectors.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's mrkdwn text rules: exactly {@code & < >} are escaped in what we send (Slack asks not to
 * HTML-encode anything else), inbound text arrives escaped and is unescaped before the dialogue
 * sees it, and control sequences ({@code <@U123>}, {@code <#C1|general>}, links) are turned into
 * plain words.
 */
public final class SlackText {

  private static final Pattern CONTROL = Pattern.compile("<([@#!])([^>|]*)(?:\\|([^>]*))?>");
  private static final Pattern LINK = Pattern.compile("<((?:https?|mailto):[^>|]*)(?:\\|([^>]*))?>");

  /** The bot's mention pattern, compiled once per bot user id (one per process in practice). */
  private static final java.util.Map<String, Pattern> OWN_MENTION = new java.util.concurrent.ConcurrentHashMap<>();

  private SlackText() {}

  /** Escapes {@code &} first, then {@code <} and {@code >}. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Reverses {@link #escape}; {@code &amp;} last so {@code &amp;lt;} becomes {@code &lt;}. */
  public static String unescape(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * The text a person meant, from an inbound {@code event.text}: the bot's own mention removed,
   * other mentions and channel references reduced to their label, links to their URL or label,
   * then unescaped.
   *
   * @param botUserId the bot's user id, or null when not known yet
   */
  public static String plain(String escaped, String botUserId) {
    if (escaped == null) {
      return "";
    }
    String text = escaped;
    if (botUserId != null) {
      Pattern own = OWN_MENTION.size() < 64
          ? OWN_MENTION.computeIfAbsent(botUserId, id -> Pattern.compile("<@" + Pattern.quote(id) + "(?:\\|[^>]*)?>"))
          : Pattern.compile("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>");
      text = own.matcher(text).replaceAll(" ");
    }
    Matcher links = LINK.matcher(text);
    text = links.replaceAll(m -> Matcher.quoteReplacement(m.group(2) != null ? m.group(2) : m.group(1)));
    Matcher controls = CONTROL.matcher(text);
    text = controls.replaceAll(m -> Matcher.quoteReplacement(label(m.group(1), m.group(2), m.group(3))));
    return unescape(text).strip().replaceAll("[ \\t]{2,}", " ");
  }

  private static String label(String sigil, String id, String label) {
    if (label != null && !label.isEmpty()) {
      return "@".equals(sigil) || "!".equals(sigil) ? (label.startsWith("@") ? label : "@" + label) : "#" + label;
    }
    return switch (sigil) {
      case "!" -> "@" + id.replaceFirst("\\^.*", "");
      case "#" -> "#" + id;
      default -> "@" + id;
    };
  }

  /** True when the escaped text mentions the given user ({@code <@U123>} or {@code <@U123|name>}). */
  public static boolean mentions(String escaped, String userId) {
    return escaped != null && userId != null
        && (escaped.contains("<@" + userId + ">") || escaped.contains("<@" + userId + "|"));
  }
}
