package com.tradewind.bot.channels;

import io.vertx.core.Future;

/** Where a vote on one of the bot's answers goes; the insight store implements it durably. */
public interface FeedbackRecorder {

  /** The two buttons under an answer. */
  enum Vote { HELPFUL, NOT_HELPFUL }

  /**
   * @param answerId identifies the answer voted on (the Slack connector uses {@code channel/ts}
   *     of the question it answered)
   * @param user who voted, as the channel identifies them
   * @param channel where ({@code slack}, {@code whatsapp}, {@code web})
   */
  Future<Void> record(String answerId, Vote vote, String user, String channel);
}
