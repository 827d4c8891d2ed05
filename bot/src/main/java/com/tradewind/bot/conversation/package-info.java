/** The channel-neutral conversation: per-conversation state, the dialogue engine and its replies. */
package com.tradewind.bot.conversation;
