package com.tradewind.connectors.slack;

/**
 * Who the bot is in a workspace, as {@code auth.test} reports it: used to recognise (and drop)
 * the bot's own messages and to find mentions of it.
 *
 * @param userId the bot user ({@code U…}), posts by {@code chat.postMessage} carry it as {@code user}
 * @param botId the bot ({@code B…}), carried as {@code bot_id}
 * @param teamId the workspace the token belongs to
 */
public record SlackIdentity(String userId, String botId, String teamId) {}
