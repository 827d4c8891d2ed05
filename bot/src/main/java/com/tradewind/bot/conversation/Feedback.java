package com.tradewind.bot.conversation;

/**
 * A 👍/👎 on one knowledge answer, as carried by a button id: {@code helpful:<answerId>} or
 * {@code not_helpful:<answerId>}. The bare {@code helpful}/{@code not_helpful} of older replies
 * are still understood as feedback, just without an answer to file it under.
 */
public record Feedback(String answerId, boolean helpful) {

  public static final String HELPFUL = "helpful";
  public static final String NOT_HELPFUL = "not_helpful";

  /** The feedback an action id stands for, or null when it is not feedback on a known answer. */
  public static Feedback parse(String action) {
    if (action == null) {
      return null;
    }
    int colon = action.indexOf(':');
    if (colon <= 0 || colon == action.length() - 1) {
      return null;
    }
    String vote = action.substring(0, colon);
    String id = action.substring(colon + 1);
    if (!AnswerIds.isWellFormed(id)) {
      return null;
    }
    return switch (vote) {
      case HELPFUL -> new Feedback(id, true);
      case NOT_HELPFUL -> new Feedback(id, false);
      default -> null;
    };
  }
}
