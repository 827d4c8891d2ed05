package com.tradewind.bot.channels.slack;

import com.tradewind.bot.commerce.PhoneNumbers;
import com.tradewind.bot.handoff.ChatLine;
import com.tradewind.bot.handoff.HandoffCase;
import com.tradewind.bot.handoff.HandoffService;
import com.tradewind.bot.handoff.StaffDesk;
import com.tradewind.connectors.slack.SlackBlocks;
import com.tradewind.connectors.slack.SlackText;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The staff desk in a Slack channel: one message per hand-off with who is waiting, in which
 * language and about which order, the recent conversation and a "hand back to bot" button; the
 * thread under it is where staff answer and where later buyer messages appear.
 */
final class SlackStaffDesk implements StaffDesk {

  static final String HAND_BACK = "handoff_release";
  private static final int LINE = 300;

  private final com.tradewind.connectors.slack.SlackWebApi api;
  private final String channel;
  private final BotThreads threads;

  SlackStaffDesk(com.tradewind.connectors.slack.SlackWebApi api, String channel, BotThreads threads) {
    this.api = api;
    this.channel = channel;
    this.threads = threads;
  }

  String channel() {
    return channel;
  }

  @Override
  public Future<String> open(HandoffCase handoff, List<ChatLine> recent) {
    List<String> fields = new ArrayList<>();
    fields.add("*Channel*\n" + handoff.channel());
    fields.add("*Buyer*\n" + SlackText.escape(who(handoff)));
    fields.add("*Language*\n" + (handoff.language() == null ? "?" : handoff.language()));
    if (handoff.orderId() != null) {
      fields.add("*Order*\n" + SlackText.escape(handoff.orderId()));
    }
    StringBuilder history = new StringBuilder();
    for (ChatLine line : recent) {
      history.append(line.from().equals("buyer") ? "*Buyer:* " : "*Bot:* ")
          .append(SlackText.escape(SlackBlocks.cut(line.text(), LINE))).append('\n');
    }
    JsonArray blocks = new JsonArray()
        .add(SlackBlocks.header("A buyer wants to talk to a person"))
        .add(SlackBlocks.fields(fields));
    if (!history.isEmpty()) {
      blocks.add(SlackBlocks.section(SlackBlocks.cut(history.toString(), SlackBlocks.SECTION_TEXT)));
    }
    blocks.add(SlackBlocks.context(List.of("Reply in this thread: the buyer receives your words on "
        + handoff.channel() + ". The bot stays silent until you hand back.")));
    // The button names no conversation (a WhatsApp one holds the buyer's number): the message it
    // sits on is the case's thread, and that is how the case is found again.
    blocks.add(SlackBlocks.actions("handoff", List.of(new SlackBlocks.Button(HAND_BACK, "Hand back to bot",
        "hand-back", "primary"))));
    JsonObject message = new JsonObject().put("channel", channel).put("blocks", blocks).put("unfurl_links", false)
        .put("text", "Hand-off: a buyer on " + handoff.channel() + " wants to talk to a person");
    return api.postMessage(message).map(answer -> {
      String ts = answer.getString("ts");
      threads.joined(channel, ts);
      return ts;
    });
  }

  @Override
  public Future<Void> buyerWrote(HandoffCase handoff, String text) {
    return post(handoff, "*Buyer:* " + SlackText.escape(SlackBlocks.cut(text, SlackBlocks.MESSAGE_TEXT - 20)));
  }

  @Override
  public Future<Void> closed(HandoffCase handoff, String reason) {
    return post(handoff, HandoffService.TIMED_OUT.equals(reason)
        ? "_No messages for a while: the bot has the conversation again._"
        : "_Handed back: the bot has the conversation again._");
  }

  private Future<Void> post(HandoffCase handoff, String mrkdwn) {
    if (handoff.threadId() == null) {
      return Future.succeededFuture();
    }
    return api.postMessage(new JsonObject().put("channel", channel).put("thread_ts", handoff.threadId())
        .put("text", mrkdwn)).mapEmpty();
  }

  /** Phone numbers are shown to their last digits: staff answer in the thread, they never need the number. */
  private static String who(HandoffCase handoff) {
    String user = handoff.user() == null ? "?" : handoff.user();
    return "whatsapp".equals(handoff.channel()) ? PhoneNumbers.masked(user) : user;
  }
}
