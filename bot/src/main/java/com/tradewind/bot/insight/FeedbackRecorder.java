package com.tradewind.bot.insight;

import io.vertx.core.Future;

/**
 * Stores a 👍/👎 on one knowledge answer. The web chat's votes arrive through the dialogue (the
 * button id carries the answer id); other channels (Slack buttons) call this directly.
 */
public interface FeedbackRecorder {

  enum Vote { HELPFUL, NOT_HELPFUL }

  /**
   * Records the vote; a user's later vote on the same answer replaces the earlier one.
   *
   * @return true when the answer is known and the vote stored, false for an unknown answer id
   */
  Future<Boolean> record(String answerId, Vote vote, String user, String channel);
}
