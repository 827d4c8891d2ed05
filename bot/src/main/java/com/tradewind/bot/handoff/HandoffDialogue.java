package com.tradewind.bot.handoff;

import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dialogue as every channel sees it: the engine, plus hand-off. While a person has a
 * conversation its messages go to the staff thread and the bot stays silent; when the engine
 * decides a person is needed, a case is opened with the recent conversation.
 */
public final class HandoffDialogue implements Dialogue {

  private static final Logger LOG = LoggerFactory.getLogger(HandoffDialogue.class);

  private final DialogueEngine engine;
  private final HandoffService handoffs;
  private final RecentMessages recent;
  private final Clock clock;

  public HandoffDialogue(DialogueEngine engine, HandoffService handoffs, RecentMessages recent, Clock clock) {
    this.engine = engine;
    this.handoffs = handoffs;
    this.recent = recent;
    this.clock = clock;
  }

  public DialogueEngine engine() {
    return engine;
  }

  @Override
  public Future<Turn> handle(IncomingMessage message) {
    String id = conversationId(message);
    if (id == null) {
      return engine.handle(message);
    }
    String text = message.text() == null ? "" : message.text();
    return handoffs.registry().byConversation(id).compose(open -> {
      recent.add(id, new ChatLine("buyer", text, clock.instant()));
      if (open.isPresent()) {
        HandoffCase handoff = open.get();
        Turn silent = new Turn(id, handoff.language(), null, DialogueEngine.HUMAN_AGENT, 1, Map.of(), true);
        if (text.isBlank()) {
          return Future.succeededFuture(silent); // a button press without words: nothing for staff to read
        }
        return handoffs.buyerWrote(handoff, text)
            .map(silent)
            .recover(e -> {
              // The buyer still waits for a person; staff will see the message in the history.
              LOG.warn("could not show a message of {} to staff: {}", id, e.toString());
              return Future.succeededFuture(silent);
            });
      }
      return engine.handle(message).compose(turn -> {
        if (turn.reply() != null) {
          recent.add(id, new ChatLine("bot", turn.reply().text(), clock.instant()));
        }
        recent.noteOrder(id, turn.entities().get("order_id"));
        if (!turn.handoff()) {
          return Future.succeededFuture(turn);
        }
        return handoffs.open(id, message.channel(), message.user(), turn.language(), recent.orderOf(id), recent.of(id))
            .map(turn)
            .recover(e -> {
              // The buyer was told a person will answer; the case stays recorded and times out.
              LOG.error("could not open a staff thread for {}: {}", id, e.toString());
              return Future.succeededFuture(turn);
            });
      });
    });
  }

  /** The id the engine will use, known before it runs; null when the engine would make one up. */
  static String conversationId(IncomingMessage message) {
    if (message.conversationId() != null) {
      return message.conversationId();
    }
    return message.user() == null ? null : message.channel() + ":" + message.user();
  }
}
