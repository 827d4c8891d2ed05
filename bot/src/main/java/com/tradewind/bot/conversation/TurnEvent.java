package com.tradewind.bot.conversation;

import com.tradewind.knowledge.search.SearchHit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What happened in one turn, channel-neutral: what metrics and the insight store need.
 *
 * @param question the user's text (never logged by the engine; stored by the insight store)
 * @param action the pressed button's id, or null
 * @param outcome how the bot answered
 * @param answerId the id of the knowledge answer given, or null
 * @param passages the passages the knowledge base returned, best first (also when it did not
 *     answer: they are what was shown to, or considered for, the user); empty when not consulted
 * @param handoffStarted this turn asked for a person
 * @param latency from the message reaching the engine to the reply being ready
 */
public record TurnEvent(Instant at, String channel, String conversationId, String user, String question, String action,
    String language, String intent, Outcome outcome, String answerId, List<SearchHit> passages, boolean handoffStarted,
    Duration latency) {

  /** How a turn ended; exactly one per turn, so rates built on it never add up to more than 100%. */
  public enum Outcome {
    /** a knowledge answer with sources */
    ANSWERED,
    /** the knowledge base was asked and had no good answer */
    NOT_ANSWERED,
    /** any other reply: order, parcel, greeting, help, feedback thanks, hand-off notice */
    REPLIED,
    /** a backend failed and the user was offered a person */
    FAILED,
    /** a person has the conversation: the bot stayed silent */
    SILENT
  }

  /** The feedback this turn carries (a 👍/👎 button with an answer id), or null. */
  public Feedback feedback() {
    return Feedback.parse(action);
  }
}
