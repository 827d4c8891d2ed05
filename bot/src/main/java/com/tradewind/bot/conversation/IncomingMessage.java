package com.tradewind.bot.conversation;

/**
 * A message from any channel.
 *
 * @param action the id of a button the user pressed, or null
 */
public record IncomingMessage(String channel, String user, String conversationId, String text, String action) {}
