package com.tradewind.bot.insight;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Failed questions that ask the same thing, possibly in different words and languages.
 *
 * @param examples distinct wordings, most frequent first (at most a few)
 * @param passages the passages the search returned for them, most often first
 */
public record GapGroup(String label, int count, int unanswered, int downvoted, Set<String> languages,
    List<String> examples, List<PassageRef> passages, Instant lastSeen) {}
