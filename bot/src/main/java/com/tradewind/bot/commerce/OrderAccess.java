package com.tradewind.bot.commerce;

import com.tradewind.bot.conversation.Asker;
import com.tradewind.connectors.commerce.Order;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who may see which order.
 *
 * <ul>
 *   <li>WhatsApp: the buyer whose phone (E.164) is the sender's.</li>
 *   <li>Web chat: with {@link WebAccess#TOKEN}, the customer named by a verified customer token;
 *       with {@link WebAccess#OPEN} (the default for the sample store only) anybody.</li>
 *   <li>Slack: staff in an allow-listed workspace (and, when channels are listed for it, in one
 *       of those channels) see every order.</li>
 *   <li>The terminal ({@code chat}): the operator, who runs the process, sees every order.</li>
 * </ul>
 * Everything else is refused; a refusal looks exactly like an unknown order to the asker.
 */
public final class OrderAccess {

  /** How the web chat authorizes order lookups. */
  public enum WebAccess { OPEN, TOKEN }

  private final WebAccess web;
  private final Map<String, Set<String>> slackTeams;

  /**
   * @param slackTeams allowed Slack team ids, each with the channel ids it is limited to (empty
   *     set: every channel of that workspace)
   */
  public OrderAccess(WebAccess web, Map<String, Set<String>> slackTeams) {
    this.web = web;
    this.slackTeams = Map.copyOf(slackTeams);
  }

  /**
   * Parses {@code SLACK_ALLOWED_TEAMS}: comma-separated team ids, each optionally followed by
   * {@code :} and {@code |}-separated channel ids ({@code T0123,T0456:C01|C02}).
   *
   * @throws IllegalArgumentException naming the variable when an entry is malformed
   */
  public static Map<String, Set<String>> parseSlackTeams(String value) {
    if (value == null || value.isBlank()) {
      return Map.of();
    }
    Map<String, Set<String>> teams = new java.util.LinkedHashMap<>();
    for (String entry : value.split(",")) {
      String e = entry.strip();
      if (e.isEmpty()) {
        continue;
      }
      String[] parts = e.split(":", 2);
      if (!parts[0].matches("[A-Z0-9]{2,30}")) {
        throw new IllegalArgumentException("SLACK_ALLOWED_TEAMS: '" + parts[0] + "' is not a Slack team id (like T0123ABCD)");
      }
      Set<String> channels = parts.length == 1 ? Set.of() : Set.of(parts[1].strip().split("\\|"));
      teams.put(parts[0], channels);
    }
    return teams;
  }

  public WebAccess web() {
    return web;
  }

  /** Whether the asker may see the order. */
  public boolean maySee(Asker asker, Order order) {
    String channel = asker.channel() == null ? "" : asker.channel().toLowerCase(Locale.ROOT);
    return switch (channel) {
      case "whatsapp" -> PhoneNumbers.same(asker.phone(), order.buyer().phone());
      case "web" -> web == WebAccess.OPEN
          || asker.customerId() != null && asker.customerId().equals(order.buyer().customerId());
      case "slack" -> staff(asker);
      case "cli" -> true;
      default -> false;
    };
  }

  private boolean staff(Asker asker) {
    Set<String> channels = asker.slackTeam() == null ? null : slackTeams.get(asker.slackTeam());
    return channels != null && (channels.isEmpty() || channels.contains(asker.slackChannel()));
  }
}
