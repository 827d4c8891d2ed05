package com.tradewind.bot.handoff;

import com.tradewind.bot.replies.ReplyTemplates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs hand-off cases: opens them on the staff desk, relays staff replies to the buyer, and gives
 * the conversation back to the bot when staff say so or when nobody wrote for the timeout.
 */
public final class HandoffService {

  private static final Logger LOG = LoggerFactory.getLogger(HandoffService.class);
  public static final String BY_STAFF = "staff";
  public static final String TIMED_OUT = "timeout";

  private final Vertx vertx;
  private final HandoffRegistry registry;
  private volatile StaffDesk desk;
  private final Map<String, BuyerRelay> relays;
  private final Function<String, Future<Boolean>> releaseConversation;
  private final ReplyTemplates replies;
  private final Clock clock;
  private final Duration timeout;
  private long timer = -1;

  /**
   * @param relays one per buyer channel ("web", "whatsapp"…)
   * @param releaseConversation tells the dialogue the bot may answer again
   */
  public HandoffService(Vertx vertx, HandoffRegistry registry, StaffDesk desk, Map<String, BuyerRelay> relays,
      Function<String, Future<Boolean>> releaseConversation, ReplyTemplates replies, Clock clock, Duration timeout) {
    this.vertx = vertx;
    this.registry = registry;
    this.desk = desk;
    this.relays = new java.util.concurrent.ConcurrentHashMap<>(relays);
    this.releaseConversation = releaseConversation;
    this.replies = replies;
    this.clock = clock;
    this.timeout = timeout;
  }

  public HandoffRegistry registry() {
    return registry;
  }

  /** Sets the staff desk; the Slack connector does so at start-up when a hand-off channel is configured. */
  public HandoffService useDesk(StaffDesk staffDesk) {
    this.desk = staffDesk;
    return this;
  }

  /** Sets how staff replies reach buyers on a channel; each channel registers itself. */
  public HandoffService relay(String channel, BuyerRelay relay) {
    relays.put(channel, relay);
    return this;
  }

  /** Opens a case (once per conversation) and its staff thread. */
  public Future<HandoffCase> open(String conversationId, String channel, String user, String language,
      String orderId, List<ChatLine> recent) {
    return registry.byConversation(conversationId).compose(existing -> {
      if (existing.isPresent()) {
        return Future.succeededFuture(existing.get());
      }
      HandoffCase fresh = new HandoffCase(conversationId, channel, user, language, orderId, null,
          clock.instant(), clock.instant());
      // Recorded before the desk is asked, so a second message racing this one cannot open a second thread.
      return registry.put(fresh)
          .compose(v -> desk.open(fresh, recent))
          .compose(thread -> {
            HandoffCase opened = fresh.withThread(thread);
            return registry.put(opened).map(opened);
          });
    });
  }

  /** The buyer wrote while a person has the conversation: staff see it in the thread. */
  public Future<Void> buyerWrote(HandoffCase handoff, String text) {
    HandoffCase touched = handoff.touched(clock.instant());
    return registry.put(touched).compose(v -> desk.buyerWrote(touched, text));
  }

  /**
   * Relays a staff reply in a case's thread to the buyer.
   *
   * @return false when the thread belongs to no open case (an old thread, or already handed back)
   */
  public Future<Boolean> staffReplied(String threadId, String text) {
    return registry.byThread(threadId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(false);
      }
      HandoffCase handoff = found.get().touched(clock.instant());
      BuyerRelay relay = relays.get(handoff.channel());
      if (relay == null) {
        return Future.failedFuture("no way to reach a buyer on the " + handoff.channel() + " channel");
      }
      return registry.put(handoff).compose(v -> relay.deliver(handoff, text, BY_STAFF)).map(true);
    });
  }

  /** Staff pressed "hand back to bot" in a thread. */
  public Future<Boolean> handBackThread(String threadId) {
    return registry.byThread(threadId).compose(found -> found.isEmpty()
        ? Future.succeededFuture(false)
        : handBack(found.get().conversationId(), BY_STAFF));
  }

  /** Gives the conversation back to the bot and tells the buyer, in their language. */
  public Future<Boolean> handBack(String conversationId, String reason) {
    return registry.remove(conversationId).compose((Optional<HandoffCase> removed) -> {
      if (removed.isEmpty()) {
        return Future.succeededFuture(false);
      }
      HandoffCase handoff = removed.get();
      String text = replies.text(replies.replyLanguage(handoff.language()), "handoff_released");
      BuyerRelay relay = relays.get(handoff.channel());
      Future<Void> told = relay == null ? Future.succeededFuture() : relay.deliver(handoff, text, "bot");
      return releaseConversation.apply(conversationId)
          .compose(v -> told)
          .compose(v -> desk.closed(handoff, reason))
          .recover(e -> {
            // The conversation is released whatever the channels say; the failure is only reported.
            LOG.warn("hand-back of {} ({}): {}", conversationId, reason, e.toString());
            return Future.succeededFuture();
          })
          .map(true);
    });
  }

  /** Hands back, every {@code every}, the cases nobody wrote in for longer than the timeout. */
  public HandoffService startTimeouts(Duration every) {
    timer = vertx.setPeriodic(every.toMillis(), id -> expire());
    return this;
  }

  /** Hands back the cases idle for longer than the timeout; completes with how many. */
  public Future<Integer> expire() {
    return registry.all().compose(all -> {
      List<Future<Boolean>> handed = all.stream()
          .filter(c -> c.lastActivity().plus(timeout).isBefore(clock.instant()))
          .map(c -> handBack(c.conversationId(), TIMED_OUT))
          .toList();
      return Future.all(handed).map(cf -> (int) handed.stream().filter(f -> Boolean.TRUE.equals(f.result())).count());
    });
  }

  public void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}
