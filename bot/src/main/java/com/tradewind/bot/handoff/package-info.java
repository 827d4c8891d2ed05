/**
 * Human hand-off: when a buyer asks for a person, the conversation is opened as a case on the
 * staff desk (a Slack channel thread), staff replies are relayed to the buyer on their own
 * channel, and the bot stays silent until staff hand the conversation back or it times out.
 */
package com.tradewind.bot.handoff;
