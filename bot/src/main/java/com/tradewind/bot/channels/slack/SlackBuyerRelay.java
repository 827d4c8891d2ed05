package com.tradewind.bot.channels.slack;

import com.tradewind.bot.handoff.BuyerRelay;
import com.tradewind.bot.handoff.HandoffCase;
import com.tradewind.connectors.slack.SlackText;
import com.tradewind.connectors.slack.SlackWebApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Staff words to somebody who asked for a person from Slack itself: posted where they asked, in
 * the thread when they asked in one. The place is read back from the conversation id
 * ({@code slack:team:channel[:thread]}, see {@link SlackInbound#conversation}).
 */
final class SlackBuyerRelay implements BuyerRelay {

  private final SlackWebApi api;

  SlackBuyerRelay(SlackWebApi api) {
    this.api = api;
  }

  @Override
  public Future<Void> deliver(HandoffCase handoff, String text, String from) {
    String[] parts = handoff.conversationId().split(":");
    if (parts.length < 3 || !"slack".equals(parts[0])) {
      return Future.failedFuture("not a Slack conversation: " + handoff.conversationId());
    }
    JsonObject message = new JsonObject().put("channel", parts[2]).put("text", SlackText.escape(text));
    if (parts.length > 3) {
      message.put("thread_ts", parts[3]);
    }
    return api.postMessage(message).mapEmpty();
  }
}
