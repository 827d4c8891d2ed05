package com.tradewind.bot.insight;

import java.time.Instant;
import java.util.List;

/**
 * A question the bot failed on: no good answer, or an answer that was down-voted.
 *
 * @param passages what the search returned for it, best first (shown or considered)
 */
public record GapQuestion(String text, String language, String channel, Instant at, Reason reason,
    List<PassageRef> passages) {

  public enum Reason { UNANSWERED, DOWNVOTED }
}
