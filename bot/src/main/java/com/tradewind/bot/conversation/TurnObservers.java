package com.tradewind.bot.conversation;

import com.tradewind.knowledge.search.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's observers, and how a finished turn becomes a {@link TurnEvent} for them. */
final class TurnObservers {

  private static final Logger LOG = LoggerFactory.getLogger(TurnObservers.class);
  private final List<TurnObserver> observers = new CopyOnWriteArrayList<>();

  void add(TurnObserver observer) {
    observers.add(observer);
  }

  void notify(IncomingMessage message, Turn turn, Answer asked, boolean failed, long startedNanos, Instant now) {
    if (observers.isEmpty()) {
      return;
    }
    TurnEvent event = event(message, turn, asked, failed, Duration.ofNanos(System.nanoTime() - startedNanos), now);
    for (TurnObserver observer : observers) {
      try {
        observer.observed(event);
      } catch (RuntimeException e) {
        // an observer is bookkeeping: it must never cost the user a reply
        LOG.warn("turn observer {} failed: {}", observer.getClass().getSimpleName(), e.toString());
      }
    }
  }

  static TurnEvent event(IncomingMessage message, Turn turn, Answer asked, boolean failed, Duration latency,
      Instant now) {
    BotReply reply = turn.reply();
    TurnEvent.Outcome outcome;
    if (reply == null) {
      outcome = TurnEvent.Outcome.SILENT;
    } else if (failed) {
      outcome = TurnEvent.Outcome.FAILED;
    } else if (reply.answerId() != null) {
      outcome = TurnEvent.Outcome.ANSWERED;
    } else if (asked != null) {
      outcome = TurnEvent.Outcome.NOT_ANSWERED;
    } else {
      outcome = TurnEvent.Outcome.REPLIED;
    }
    boolean handoffStarted = reply != null && turn.handoff();
    return new TurnEvent(now, message.channel(), turn.conversationId(), message.user(), message.text(), message.action(),
        turn.language(), turn.intent(), outcome, reply == null ? null : reply.answerId(),
        asked == null ? List.of() : asked.sources(), handoffStarted, latency);
  }
}
