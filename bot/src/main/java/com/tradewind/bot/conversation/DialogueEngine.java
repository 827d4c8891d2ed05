package com.tradewind.bot.conversation;

import com.tradewind.bot.commerce.CommerceLookup;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.bot.understanding.ConversationLanguage;
import com.tradewind.bot.understanding.Entities;
import com.tradewind.bot.understanding.EntityExtractor;
import com.tradewind.bot.understanding.IntentClassifier;
import com.tradewind.bot.understanding.IntentResult;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.knowledge.search.SearchHit;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One pipeline for every channel: language (kept across short messages), entities, intent,
 * then the dialogue — slot filling for order and parcel questions, knowledge answers with
 * sources, hand-off to a human (after which the bot stays silent) — and a reply in the user's
 * language.
 */
public final class DialogueEngine implements Dialogue {

  public static final String ORDER_STATUS = "order_status";
  public static final String TRACK_PARCEL = "track_parcel";
  public static final String KNOWLEDGE = "knowledge";
  public static final String HUMAN_AGENT = "human_agent";
  public static final String RETURN_REFUND = "return_refund";
  public static final String FEEDBACK = "feedback";
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
  private static final Pattern QUESTION = Pattern.compile("[?？؟]");
  private static final int HANDOFF_MINUTES = 10;
  // Asked of the knowledge base when an order or parcel is late; its buyer guides answer them.
  private static final String LATE_ORDER_QUESTION = "promised delivery time almost over and no parcel";
  private static final String STALLED_PARCEL_QUESTION = "no tracking update for a long time";
  /** Classifier confidence above which a platform question stays one even when unanswered. */
  private static final double SURE = 0.7;

  private final ConversationStore store;
  private final ConversationLanguage languages;
  private final IntentClassifier intents;
  private final EntityExtractor entities;
  private final ReplyTemplates replies;
  private final ReplyComposer compose;
  private final CommerceLookup commerce;
  private final KnowledgeService knowledge;
  private final Clock clock;
  private final TurnObservers observers = new TurnObservers();

  public DialogueEngine(ConversationStore store, ConversationLanguage languages, IntentClassifier intents,
      EntityExtractor entities, ReplyTemplates replies, CommerceLookup commerce, KnowledgeService knowledge, Clock clock) {
    this.store = store;
    this.languages = languages;
    this.intents = intents;
    this.entities = entities;
    this.replies = replies;
    this.compose = new ReplyComposer(replies);
    this.commerce = commerce;
    this.knowledge = knowledge;
    this.clock = clock;
  }

  /** Adds an observer told about every turn (metrics, insight); channels need no code for it. */
  public DialogueEngine observe(TurnObserver observer) {
    observers.add(observer);
    return this;
  }

  @Override
  public Future<Turn> handle(IncomingMessage message) {
    long started = System.nanoTime();
    String id = message.conversationId() != null ? message.conversationId()
        : message.channel() + ":" + (message.user() != null ? message.user() : UUID.randomUUID());
    String raw = message.text() == null ? "" : message.text();
    String text;
    Entities found;
    String rest;
    try {
      text = CONTROL.matcher(raw).replaceAll(" ").strip();
      found = entities.extract(text);
      rest = withoutEntities(text, found);
    } catch (RuntimeException e) {
      return Future.failedFuture(e); // a failed turn, as it was when this ran inside the chain
    }
    // The language is detected before the state is read, off the event loop when it takes Lingua.
    return languages.readyFor(raw).compose(ready -> languages.detect(rest))
        .compose(detected -> store.get(id).compose(stored -> {
      ConversationState state = stored.orElseGet(() -> ConversationState.start(id, clock.instant())).touched(clock.instant());
      return respond(state, message, new Read(text, found, rest, detected)).compose(result -> store.put(result.state()).map(v -> {
        observers.notify(message, result.turn(), result.asked(), result.failed(), started, clock.instant());
        return result.turn();
      }));
    }));
  }

  /** The message as read before the conversation's state: cleaned text, entities, the rest, its language. */
  private record Read(String text, Entities found, String rest, ConversationLanguage.Detection detected) {}

  /** @param asked the knowledge base's answer when it was consulted, else null */
  private record Result(ConversationState state, Turn turn, com.tradewind.knowledge.search.Answer asked, boolean failed) {}

  private Future<Result> respond(ConversationState state, IncomingMessage message, Read read) {
    String text = read.text();
    Entities found = read.found();
    String rest = read.rest();
    String lang = languages.resolve(read.detected(), state.language());
    state = state.withLanguage(lang);
    String replyLang = replies.replyLanguage(lang);
    String userLang = lang == null ? ReplyTemplates.FALLBACK : lang;
    if (state.handoff()) {
      return Future.succeededFuture(new Result(state, new Turn(state.id(), userLang, null, HUMAN_AGENT, 1, found.toMap(), true),
          null, false));
    }
    IntentResult intent = understand(text, rest, found, state, message.action(), lang);
    ConversationState current = state;
    Future<Reply> reply = switch (intent.intent()) {
      case "greeting" -> simple(current, replyLang, "greeting");
      case "help" -> simple(current, replyLang, "help");
      // Feedback is acknowledged here; storing it per answer is the insight dashboard's job.
      case FEEDBACK -> simple(current, replyLang, "feedback_thanks");
      case HUMAN_AGENT -> Future.succeededFuture(new Reply(current.withHandoff(true).withPending(null),
          compose.plain(replyLang, "handoff", Map.of("minutes", String.valueOf(HANDOFF_MINUTES)))));
      case ORDER_STATUS -> order(current, found, replyLang, message.asker());
      case TRACK_PARCEL -> parcel(current, found, replyLang, message.asker());
      case RETURN_REFUND -> knowledgeOr(current, text, lang, replyLang, "return_refund");
      case KNOWLEDGE -> knowledgeOr(current, text, lang, replyLang, intent.confidence() >= SURE ? "dont_know" : "unknown");
      default -> looksLikeQuestion(text)
          ? knowledgeOr(current, text, lang, replyLang, "unknown")
          : Future.succeededFuture(new Reply(current, compose.withHuman(replyLang, "unknown", Map.of())));
    };
    return reply.recover(e -> Future.succeededFuture(new Reply(current,
            compose.withHuman(replyLang, "backend_unavailable", Map.of()), false, null, true)))
        .map(r -> new Result(r.state(), new Turn(r.state().id(), userLang, r.reply(), reported(intent, r), intent.confidence(),
            found.toMap(), r.state().handoff()), r.asked(), r.failed()));
  }

  /** @param asked the knowledge base's answer when it was consulted; @param failed a backend failed */
  private record Reply(ConversationState state, BotReply reply, boolean answered,
      com.tradewind.knowledge.search.Answer asked, boolean failed) {
    Reply(ConversationState state, BotReply reply) {
      this(state, reply, false, null, false);
    }
  }

  /**
   * A question the classifier only half recognises as being about the platform, and that the
   * knowledge base cannot answer either, is small talk ("what's the weather tomorrow"): unknown.
   */
  private static String reported(IntentResult intent, Reply reply) {
    if (KNOWLEDGE.equals(intent.intent()) && intent.confidence() < SURE && !reply.answered()) {
      return IntentResult.UNKNOWN;
    }
    if (IntentResult.UNKNOWN.equals(intent.intent()) && reply.answered()) {
      return KNOWLEDGE;
    }
    return intent.intent();
  }

  /** @param rest the text without its order and tracking numbers */
  private IntentResult understand(String text, String rest, Entities found, ConversationState state, String action,
      String lang) {
    if (action != null && !action.isBlank()) {
      return switch (action) {
        case "human" -> new IntentResult(HUMAN_AGENT, 1);
        case "track" -> new IntentResult(TRACK_PARCEL, 1);
        case "order_status" -> new IntentResult(ORDER_STATUS, 1);
        case "helpful", "not_helpful" -> new IntentResult(FEEDBACK, 1);
        default -> Feedback.parse(action) != null ? new IntentResult(FEEDBACK, 1) : intents.classify(text, lang);
      };
    }
    boolean onlyEntities = rest.codePoints().noneMatch(Character::isLetter);
    if (onlyEntities && (found.orderId() != null || found.trackingNumber() != null)) {
      // A bare number answers the pending question, or says what it is by its shape.
      if (state.pending() != null) {
        return new IntentResult(state.pending(), 0.99);
      }
      return new IntentResult(found.trackingNumber() != null ? TRACK_PARCEL : ORDER_STATUS, 0.95);
    }
    IntentResult result = intents.classify(rest, lang);
    if (IntentResult.UNKNOWN.equals(result.intent()) && state.pending() != null
        && (found.orderId() != null || found.trackingNumber() != null)) {
      return new IntentResult(state.pending(), 0.9);
    }
    // A valid tracking number (its check digit passed) or an order number says more about the
    // request than the words around it, unless those words ask for a person or a refund.
    boolean neutral = !Set.of(HUMAN_AGENT, RETURN_REFUND).contains(result.intent());
    if (neutral && found.trackingNumber() != null && found.orderId() == null && !TRACK_PARCEL.equals(result.intent())) {
      return new IntentResult(TRACK_PARCEL, Math.max(0.8, result.confidence()));
    }
    if (neutral && found.orderId() != null && !Set.of(ORDER_STATUS, TRACK_PARCEL).contains(result.intent())) {
      return new IntentResult(ORDER_STATUS, Math.max(0.8, result.confidence()));
    }
    return result;
  }

  private static String withoutEntities(String text, Entities found) {
    String out = text;
    if (found.orderId() != null) {
      out = out.replace(found.orderId(), " ");
    }
    if (found.trackingNumber() != null) {
      out = replaceIgnoringAsciiCase(out, found.trackingNumber(), " ");
    }
    return out.strip();
  }

  /**
   * Every occurrence of {@code target}, left to right, ASCII letters compared without case (what
   * {@code replaceAll("(?i)" + Pattern.quote(target), …)} does), without compiling a regex per message.
   */
  static String replaceIgnoringAsciiCase(String text, String target, String replacement) {
    if (target.isEmpty()) {
      return text.replaceAll("(?i)" + Pattern.quote(target), replacement);
    }
    StringBuilder out = null;
    int copied = 0;
    int i = 0;
    while (i + target.length() <= text.length()) {
      if (matchesIgnoringAsciiCase(text, i, target)) {
        if (out == null) {
          out = new StringBuilder(text.length());
        }
        out.append(text, copied, i).append(replacement);
        i += target.length();
        copied = i;
      } else {
        i++;
      }
    }
    return out == null ? text : out.append(text, copied, text.length()).toString();
  }

  private static boolean matchesIgnoringAsciiCase(String text, int at, String target) {
    for (int k = 0; k < target.length(); k++) {
      char a = text.charAt(at + k);
      char b = target.charAt(k);
      if (a != b && (a > 0x7F || b > 0x7F || asciiLower(a) != asciiLower(b))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }

  private Future<Reply> simple(ConversationState state, String lang, String key) {
    return Future.succeededFuture(new Reply(state, compose.plain(lang, key)));
  }

  private Future<Reply> order(ConversationState state, Entities found, String lang, Asker asker) {
    String orderId = found.orderId();
    if (orderId == null) {
      return Future.succeededFuture(new Reply(state.withPending(ORDER_STATUS), compose.plain(lang, "ask_order_number")));
    }
    ConversationState next = state.withPending(null);
    return commerce.order(orderId, asker).compose(o -> o.map(order -> orderReply(next, order, lang))
        .orElseGet(() -> Future.succeededFuture(new Reply(next.withOrder(orderId, null),
            compose.withHuman(lang, "order_not_found", Map.of("order_id", orderId))))));
  }

  private Future<Reply> orderReply(ConversationState state, Order order, String lang) {
    ConversationState next = state.withOrder(order.id(), order.trackingNumber());
    BotReply reply = compose.order(order, lang);
    if (!order.isLate(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
      return Future.succeededFuture(new Reply(next, reply));
    }
    return playbook(LATE_ORDER_QUESTION, lang).map(advice -> new Reply(next, compose.delayed(reply, lang, "order_late",
        Map.of("date", ReplyTemplates.date(order.lastShipment().promisedBy(), lang)), advice)));
  }

  /**
   * The knowledge-base passage on what to do about a delay, preferably in the user's language;
   * null when the index is not ready or has none (the warning is shown without it).
   */
  private Future<SearchHit> playbook(String question, String lang) {
    if (!knowledge.isReady()) {
      return Future.succeededFuture(null);
    }
    return knowledge.search(question, "en", 8).map(hits -> hits.stream()
            .filter(h -> lang.equals(h.language())).findFirst()
            .orElse(hits.isEmpty() ? null : hits.get(0)))
        .otherwise((SearchHit) null);
  }

  private Future<Reply> parcel(ConversationState state, Entities found, String lang, Asker asker) {
    ConversationState next = state.withPending(null);
    if (found.trackingNumber() != null) {
      return track(next, found.trackingNumber(), lang, asker);
    }
    if (found.orderId() != null) {
      // "track order 8123…": find the order's parcel first, on the asker's behalf
      return commerce.order(found.orderId(), asker).compose(o -> o.map(order -> order.trackingNumber() == null
              ? orderReply(next, order, lang)
              : trackOrder(next.withOrder(order.id(), order.trackingNumber()), order, order.lastShipment(), lang, asker))
          .orElseGet(() -> Future.succeededFuture(new Reply(next,
              compose.withHuman(lang, "order_not_found", Map.of("order_id", found.orderId()))))));
    }
    String number = state.lastTrackingNumber(); // "and the tracking?" refers to the last order
    if (number == null) {
      return Future.succeededFuture(new Reply(state.withPending(TRACK_PARCEL), compose.plain(lang, "ask_tracking_number")));
    }
    if (state.lastOrderId() == null) {
      return track(next, number, lang, asker);
    }
    // The order again (cached), so its parcel is tracked where the store tracks it; if the number
    // is not that order's (a parcel asked about since) or the order cannot be had, by number.
    return commerce.order(state.lastOrderId(), asker).otherwise(Optional.empty())
        .compose(o -> o.flatMap(order -> order.shipments().stream()
                .filter(s -> number.equalsIgnoreCase(s.trackingNumber())).findFirst()
                .map(shipment -> trackOrder(next, order, shipment, lang, asker)))
            .orElseGet(() -> track(next, number, lang, asker)));
  }

  private Future<Reply> track(ConversationState state, String number, String lang, Asker asker) {
    return trackReply(state, number, commerce.tracking(number, asker), lang);
  }

  private Future<Reply> trackOrder(ConversationState state, Order order, Shipment shipment, String lang, Asker asker) {
    return trackReply(state, shipment.trackingNumber(), commerce.trackingOf(order, shipment, asker), lang);
  }

  private Future<Reply> trackReply(ConversationState state, String number, Future<Optional<Tracking>> lookup,
      String lang) {
    return lookup.compose(t -> t.map(tracking -> parcelReply(state, tracking, lang))
            .orElseGet(() -> Future.succeededFuture(new Reply(state.withTracking(number),
                compose.withHuman(lang, "tracking_not_found", Map.of("tracking_number", number))))))
        .recover(e -> Future.succeededFuture(new Reply(state.withTracking(number),
            compose.withHuman(lang, "tracking_unavailable", Map.of()))));
  }

  private Future<Reply> parcelReply(ConversationState state, Tracking tracking, String lang) {
    ConversationState next = state.withTracking(tracking.number());
    BotReply reply = compose.tracking(tracking, lang);
    if (!tracking.isStalled(clock.instant(), commerce.stalledAfter())) {
      return Future.succeededFuture(new Reply(next, reply));
    }
    long days = Duration.between(tracking.latest().time(), clock.instant()).toDays();
    return playbook(STALLED_PARCEL_QUESTION, lang).map(advice -> new Reply(next, compose.delayed(reply, lang,
        "parcel_stalled", Map.of("days", String.valueOf(days)), advice)));
  }

  private Future<Reply> knowledgeOr(ConversationState state, String text, String lang, String replyLang, String fallbackKey) {
    if (!knowledge.isReady()) {
      return Future.succeededFuture(new Reply(state, compose.withHuman(replyLang, fallbackKey, Map.of())));
    }
    return knowledge.ask(text, lang).map(answer -> answer.answered()
        ? new Reply(state, compose.knowledge(answer, replyLang, AnswerIds.next()), true, answer, false)
        : new Reply(state, compose.withHuman(replyLang, fallbackKey, Map.of()), false, answer, false));
  }

  private static boolean looksLikeQuestion(String text) {
    return QUESTION.matcher(text).find() || text.strip().split("\\s+").length >= 5 || text.length() >= 12
        && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** The reply texts this engine answers with, for channels that speak outside a turn. */
  public ReplyTemplates replies() {
    return replies;
  }

  /** Releases a conversation from hand-off so the bot answers again. */
  public Future<Boolean> release(String conversationId) {
    return store.get(conversationId).compose((Optional<ConversationState> s) -> s.isEmpty()
        ? Future.succeededFuture(false)
        : store.put(s.get().withHandoff(false)).map(v -> true));
  }
}
