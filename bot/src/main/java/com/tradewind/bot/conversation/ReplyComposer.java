package com.tradewind.bot.conversation;

import com.tradewind.bot.commerce.Order;
import com.tradewind.bot.commerce.Tracking;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.bot.understanding.Carrier;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns what the dialogue found (an order, a parcel's journey, a knowledge answer) into a
 * channel-neutral reply in the user's language, with the buttons that fit it.
 */
final class ReplyComposer {

  private static final int MAX_SOURCES = 2;
  private final ReplyTemplates replies;

  ReplyComposer(ReplyTemplates replies) {
    this.replies = replies;
  }

  BotReply plain(String lang, String key) {
    return BotReply.text(replies.text(lang, key), lang);
  }

  BotReply plain(String lang, String key, Map<String, String> values) {
    return BotReply.text(replies.text(lang, key, values), lang);
  }

  /** A reply that offers a person, for anything the bot could not settle itself. */
  BotReply withHuman(String lang, String key, Map<String, String> values) {
    return new BotReply(replies.text(lang, key, values), lang, List.of(button(lang, "human", "button.human")), List.of());
  }

  BotReply order(Order order, String lang) {
    StringBuilder text = new StringBuilder(replies.text(lang, "order_summary", Map.of(
        "order_id", order.id(),
        "status", replies.text(lang, "status.order." + order.status()),
        "total", ReplyTemplates.money(order.total(), order.currency(), lang),
        "date", ReplyTemplates.date(order.placedAt(), lang))));
    List<BotReply.Button> buttons = new ArrayList<>();
    if (order.trackingNumber() != null) {
      text.append('\n').append(replies.text(lang, "order_shipped_hint",
          Map.of("tracking_number", order.trackingNumber(), "carrier", carrierName(order.carrier()))));
      buttons.add(button(lang, "track", "button.track"));
    }
    buttons.add(button(lang, "human", "button.human"));
    return new BotReply(text.toString(), lang, buttons, List.of());
  }

  BotReply tracking(Tracking tracking, String lang) {
    StringBuilder text = new StringBuilder(replies.text(lang, "tracking_summary", Map.of(
        "tracking_number", tracking.number(),
        "carrier", carrierName(tracking.carrier()),
        "status", replies.text(lang, "status.tracking." + tracking.status()))));
    Tracking.Event last = tracking.latest();
    if (last != null) {
      text.append('\n').append(replies.text(lang, "tracking_last_event", Map.of(
          "date", ReplyTemplates.date(last.time(), lang), "event", last.description(), "place", last.place())));
    }
    if (tracking.estimatedDelivery() != null && !"delivered".equals(tracking.status())) {
      text.append('\n').append(replies.text(lang, "tracking_estimate",
          Map.of("date", ReplyTemplates.date(tracking.estimatedDelivery(), lang))));
    }
    return new BotReply(text.toString(), lang, List.of(button(lang, "human", "button.human")), List.of());
  }

  /** @param answerId identifies this answer in feedback: the 👍/👎 buttons carry it in their ids */
  BotReply knowledge(Answer answer, String lang, String answerId) {
    List<BotReply.Source> sources = new ArrayList<>();
    for (SearchHit hit : answer.sources().subList(0, Math.min(MAX_SOURCES, answer.sources().size()))) {
      sources.add(new BotReply.Source(hit.title(), hit.section(), hit.path(), "/kb/" + hit.path()));
    }
    String text = replies.text(lang, "knowledge_intro") + "\n" + answer.text();
    return new BotReply(text, lang, List.of(button(lang, Feedback.HELPFUL + ":" + answerId, "button.helpful"),
        button(lang, Feedback.NOT_HELPFUL + ":" + answerId, "button.not_helpful"), button(lang, "human", "button.human")),
        sources, answerId);
  }

  private BotReply.Button button(String lang, String id, String key) {
    return new BotReply.Button(id, replies.text(lang, key));
  }

  private static String carrierName(String id) {
    Carrier carrier = Carrier.fromId(id);
    return carrier != null ? carrier.displayName() : id == null ? "" : id;
  }
}
