package com.tradewind.bot.channels.slack;

import com.tradewind.bot.handoff.HandoffService;
import com.tradewind.connectors.slack.SlackWebApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What staff do in the hand-off channel: a reply in a case's thread goes to the buyer, the
 * "hand back to bot" button gives the conversation back. Anything else there is an ordinary
 * message to the bot.
 */
final class SlackHandoffs {

  private static final Logger LOG = LoggerFactory.getLogger(SlackHandoffs.class);

  private final HandoffService service;
  private final String channel;
  private final SlackWebApi api;

  SlackHandoffs(HandoffService service, String channel, SlackWebApi api) {
    this.service = service;
    this.channel = channel;
    this.api = api;
  }

  /** Thread replies in the staff channel: staff answering a case (or chatting in some other thread). */
  boolean isStaffReply(JsonObject p) {
    return "message".equals(p.getString("kind")) && channel.equals(p.getString("channel"))
        && p.getBoolean("inThread", false);
  }

  boolean isHandBack(JsonObject p) {
    return "action".equals(p.getString("kind")) && SlackStaffDesk.HAND_BACK.equals(p.getString("action"));
  }

  /**
   * Relays the reply to the buyer; a thread that is no case is left to {@code otherwise}. A reply
   * that cannot be delivered is said in the thread, so staff know the buyer did not get it.
   */
  Future<Void> staffReply(JsonObject p, Supplier<Future<Void>> otherwise) {
    String thread = p.getString("threadRoot");
    return service.staffReplied(thread, p.getString("text", "")).transform(ar -> {
      if (ar.succeeded()) {
        return ar.result() ? Future.<Void>succeededFuture() : otherwise.get();
      }
      LOG.warn("a staff reply in thread {} could not be delivered: {}", thread, ar.cause().getMessage());
      return note(thread, "_Not delivered to the buyer: " + ar.cause().getMessage() + ". Please try again._");
    });
  }

  /** The button sits on the case's first message, whose ts is the case's thread. */
  Future<Void> handBack(JsonObject p) {
    String thread = p.getString("threadRoot");
    return service.handBackThread(thread).compose(done -> done ? Future.<Void>succeededFuture()
        : note(thread, "_This conversation is already back with the bot._"));
  }

  private Future<Void> note(String thread, String mrkdwn) {
    JsonObject message = new JsonObject().put("channel", channel).put("text", mrkdwn);
    if (thread != null) {
      message.put("thread_ts", thread);
    }
    return api.postMessage(message).mapEmpty();
  }
}
