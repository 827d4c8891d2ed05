package com.tradewind.bot.config;

import java.nio.file.Path;
import java.time.Duration;

/** Where the conversation engine finds its data, and how long it remembers a conversation. */
public record ConversationOptions(Path intentsDir, Path repliesDir, Path sampleOrders, Duration idle) {}
