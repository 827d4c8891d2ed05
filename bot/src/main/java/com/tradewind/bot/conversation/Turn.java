package com.tradewind.bot.conversation;

import java.util.Map;

/**
 * The outcome of one message: what was understood and what the bot answers.
 *
 * @param language the user's language as detected and kept (ISO 639-1)
 * @param reply null while a human has the conversation
 */
public record Turn(String conversationId, String language, BotReply reply, String intent, double confidence,
    Map<String, String> entities, boolean handoff) {}
