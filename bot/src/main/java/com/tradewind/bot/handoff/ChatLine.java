package com.tradewind.bot.handoff;

import java.time.Instant;

/**
 * One line of a conversation as staff see it when they take over.
 *
 * @param from "buyer", "bot" or "staff"
 */
public record ChatLine(String from, String text, Instant time) {}
