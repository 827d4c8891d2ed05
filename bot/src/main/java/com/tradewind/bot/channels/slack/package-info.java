/**
 * The Slack connector: HTTP routes for events, slash commands and interactions (or Socket Mode),
 * every accepted message recorded in the {@link com.tradewind.bot.delivery.Inbox} before Slack is
 * acknowledged, then answered through the dialogue engine as Block Kit in the message's thread.
 */
package com.tradewind.bot.channels.slack;
