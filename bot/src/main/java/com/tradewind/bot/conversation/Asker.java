package com.tradewind.bot.conversation;

/**
 * Who is asking, as the channel established it: a verified identity, never something the user
 * typed. Order lookups are authorized against it.
 *
 * @param channel web, slack, whatsapp, cli…
 * @param phone the sender's phone as the platform delivered it (WhatsApp {@code from}), or null
 * @param slackTeam the Slack workspace id the request was signed for, or null
 * @param slackChannel the Slack channel id, or null
 * @param customerId a shop customer id from a verified customer token (web chat), or null
 */
public record Asker(String channel, String phone, String slackTeam, String slackChannel, String customerId) {

  /** Somebody the channel knows nothing verified about. */
  public static Asker anonymous(String channel) {
    return new Asker(channel, null, null, null, null);
  }
}
