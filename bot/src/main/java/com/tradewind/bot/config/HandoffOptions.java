package com.tradewind.bot.config;

import java.time.Duration;

/**
 * Human hand-off.
 *
 * @param timeout the bot takes a conversation back after this long without a message from either
 *     side
 * @param slackChannel the Slack channel where staff see and answer hand-offs, or null for none
 */
public record HandoffOptions(Duration timeout, String slackChannel) {}
