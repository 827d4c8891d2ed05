package com.tradewind.bot.conversation;

import com.tradewind.bot.commerce.PersonalData;
import com.tradewind.bot.commerce.PhoneNumbers;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.bot.understanding.Carrier;
import com.tradewind.connectors.commerce.Order;
import com.tradewind.connectors.commerce.Shipment;
import com.tradewind.connectors.commerce.Tracking;
import com.tradewind.connectors.commerce.TrackingEvent;
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
        "status", replies.text(lang, "status.order." + order.status().key()),
        "total", ReplyTemplates.money(order.total().amount(), order.total().currency(), lang),
        "date", ReplyTemplates.date(order.placedAt(), lang))));
    List<BotReply.Button> buttons = new ArrayList<>();
    if (order.shippingAddress() != null) {
      String phone = PhoneNumbers.masked(order.buyer().phone());
      text.append('\n').append(replies.text(lang, "order_recipient", Map.of(
          "address", PersonalData.maskedAddress(order.shippingAddress()), "phone", phone == null ? "—" : phone)));
    }
    Shipment shipment = order.lastShipment();
    if (shipment != null && shipment.trackingNumber() != null) {
      text.append('\n').append(replies.text(lang, "order_shipped_hint",
          Map.of("tracking_number", shipment.trackingNumber(), "carrier", carrierName(shipment.carrier()))));
      buttons.add(button(lang, "track", "button.track"));
    }
    buttons.add(button(lang, "human", "button.human"));
    return new BotReply(text.toString(), lang, buttons, List.of());
  }

  BotReply tracking(Tracking tracking, String lang) {
    StringBuilder text = new StringBuilder(replies.text(lang, "tracking_summary", Map.of(
        "tracking_number", tracking.number(),
        "carrier", carrierName(tracking.carrier()),
        "status", replies.text(lang, "status.tracking." + tracking.status().key()))));
    TrackingEvent last = tracking.latest();
    if (last != null) {
      text.append('\n').append(replies.text(lang, "tracking_last_event", Map.of(
          "date", ReplyTemplates.date(last.time(), lang), "event", last.description(), "place", last.place())));
    }
    if (tracking.estimatedDelivery() != null && tracking.status() != com.tradewind.connectors.commerce.TrackingStatus.DELIVERED) {
      text.append('\n').append(replies.text(lang, "tracking_estimate",
          Map.of("date", ReplyTemplates.date(tracking.estimatedDelivery(), lang))));
    }
    return new BotReply(text.toString(), lang, List.of(button(lang, "human", "button.human")), List.of());
  }

  /**
   * The reply with a delay warning appended and, when the knowledge base has one, the playbook
   * passage that says what to do, cited as a source.
   */
  BotReply delayed(BotReply reply, String lang, String key, Map<String, String> values, SearchHit advice) {
    StringBuilder text = new StringBuilder(reply.text()).append("\n⚠ ").append(replies.text(lang, key, values));
    List<BotReply.Source> sources = new ArrayList<>(reply.sources());
    if (advice != null) {
      text.append('\n').append(replies.text(lang, "delay_playbook")).append(' ').append(excerpt(advice.text()));
      sources.add(new BotReply.Source(advice.title(), advice.section(), advice.path(), "/kb/" + advice.path()));
    }
    return new BotReply(text.toString(), reply.language(), reply.buttons(), sources);
  }

  private static String excerpt(String passage) {
    String flat = passage.replaceAll("\\s+", " ").strip();
    return flat.length() <= 400 ? flat : flat.substring(0, flat.lastIndexOf(' ', 400)) + " …";
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
