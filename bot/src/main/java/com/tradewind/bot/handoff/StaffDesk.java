package com.tradewind.bot.handoff;

import io.vertx.core.Future;
import java.util.List;

/** Where staff see hand-offs and answer them: a Slack channel, one thread per case. */
public interface StaffDesk {

  /** Opens a thread for the case with the recent conversation; completes with the thread id. */
  Future<String> open(HandoffCase handoff, List<ChatLine> recent);

  /** Adds what the buyer wrote while waiting to the case's thread. */
  Future<Void> buyerWrote(HandoffCase handoff, String text);

  /** Notes in the thread that the bot has the conversation again, and why. */
  Future<Void> closed(HandoffCase handoff, String reason);

  /** A desk for setups without a staff channel: cases only time out. */
  StaffDesk NONE = new StaffDesk() {
    @Override
    public Future<String> open(HandoffCase handoff, List<ChatLine> recent) {
      return Future.succeededFuture(null);
    }

    @Override
    public Future<Void> buyerWrote(HandoffCase handoff, String text) {
      return Future.succeededFuture();
    }

    @Override
    public Future<Void> closed(HandoffCase handoff, String reason) {
      return Future.succeededFuture();
    }
  };
}
