package com.tradewind.bot.conversation;

/**
 * A message from any channel.
 *
 * @param action the id of a button the user pressed, or null
 * @param asker the verified identity of the sender, used to authorize order lookups
 */
public record IncomingMessage(String channel, String user, String conversationId, String text, String action,
    Asker asker) {

  public IncomingMessage {
    if (asker == null) {
      asker = Asker.anonymous(channel);
    }
  }

  /** A message whose sender the channel did not verify. */
  public IncomingMessage(String channel, String user, String conversationId, String text, String action) {
    this(channel, user, conversationId, text, action, null);
  }
}
