package com.tradewind.bot.channels.slack;

import com.tradewind.bot.channels.FeedbackRecorder;
import com.tradewind.bot.conversation.Asker;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.conversation.Feedback;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.connectors.slack.SlackWebApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Answers what the inbox hands over, after Slack was acknowledged: a message or a button press
 * goes through the dialogue engine and the reply is posted in the thread; 👍/👎 are recorded per
 * answer and thanked privately through the interaction's {@code response_url}.
 */
final class SlackResponder implements Function<InboundMessage, Future<Void>> {

  private final Dialogue dialogue;
  private final SlackWebApi api;
  private final SlackReplyRenderer renderer;
  private final FeedbackRecorder feedback;
  private final BotThreads threads;

  private final SlackHandoffs staff;

  SlackResponder(Dialogue dialogue, SlackWebApi api, SlackReplyRenderer renderer, FeedbackRecorder feedback,
      BotThreads threads) {
    this(dialogue, api, renderer, feedback, threads, null);
  }

  /** @param staff what staff do in the hand-off channel, or null without one */
  SlackResponder(Dialogue dialogue, SlackWebApi api, SlackReplyRenderer renderer, FeedbackRecorder feedback,
      BotThreads threads, SlackHandoffs staff) {
    this.staff = staff;
    this.dialogue = dialogue;
    this.api = api;
    this.renderer = renderer;
    this.feedback = feedback;
    this.threads = threads;
  }

  @Override
  public Future<Void> apply(InboundMessage message) {
    JsonObject p = message.payload();
    if (staff != null && staff.isHandBack(p)) {
      return staff.handBack(p);
    }
    if (staff != null && staff.isStaffReply(p)) {
      return staff.staffReply(p, () -> answer(message, p));
    }
    if ("action".equals(p.getString("kind"))) {
      return action(message.conversation(), p);
    }
    return answer(message, p);
  }

  private Future<Void> answer(InboundMessage message, JsonObject p) {
    String answerId = p.getString("channel") + "/" + p.getString("ts");
    return dialogue.handle(incoming(message.conversation(), p, p.getString("text"), null))
        .compose(turn -> post(p, turn, answerId));
  }

  private Future<Void> action(String conversation, JsonObject p) {
    String action = p.getString("action");
    // Knowledge answers carry their id in the button ("helpful:<answerId>"); older buttons only the vote.
    Feedback onAnswer = Feedback.parse(action);
    String answerId = onAnswer != null ? onAnswer.answerId() : p.getString("value");
    FeedbackRecorder.Vote vote = onAnswer != null
        ? (onAnswer.helpful() ? FeedbackRecorder.Vote.HELPFUL : FeedbackRecorder.Vote.NOT_HELPFUL)
        : switch (action) {
          case Feedback.HELPFUL -> FeedbackRecorder.Vote.HELPFUL;
          case Feedback.NOT_HELPFUL -> FeedbackRecorder.Vote.NOT_HELPFUL;
          default -> null;
        };
    Future<Turn> turn = dialogue.handle(incoming(conversation, p, "", action));
    if (vote == null) {
      // "talk to a person", "track parcel"…: the engine's answer goes into the thread for everyone
      return turn.compose(t -> post(p, t, answerId));
    }
    return feedback.record(answerId == null ? "" : answerId, vote, p.getString("user"), SlackInbound.CHANNEL)
        .compose(v -> turn)
        .compose(t -> t.reply() == null || p.getString("responseUrl") == null ? Future.succeededFuture()
            : api.respond(p.getString("responseUrl"), new JsonObject().put("response_type", "ephemeral")
                .put("replace_original", false).put("text", t.reply().text())));
  }

  private static IncomingMessage incoming(String conversation, JsonObject p, String text, String action) {
    Asker asker = new Asker(SlackInbound.CHANNEL, null, p.getString("team"), p.getString("channel"), null);
    return new IncomingMessage(SlackInbound.CHANNEL, p.getString("user"), conversation, text, action, asker);
  }

  /** Posts the reply; in channels always in the thread, in a DM only when the person wrote in one. */
  private Future<Void> post(JsonObject p, Turn turn, String answerId) {
    if (turn.reply() == null) {
      return Future.succeededFuture(); // a person has the conversation: the bot stays silent
    }
    String channel = p.getString("channel");
    JsonObject message = renderer.render(turn, answerId).put("channel", channel).put("unfurl_links", false);
    boolean threaded = !p.getBoolean("direct", false) || p.getBoolean("inThread", false);
    if (threaded && p.getString("threadRoot") != null) {
      message.put("thread_ts", p.getString("threadRoot"));
      if (!p.getBoolean("direct", false)) { // every DM is answered anyway: only channel threads need remembering
        threads.joined(channel, p.getString("threadRoot"));
      }
    }
    return api.postMessage(message).mapEmpty();
  }
}
