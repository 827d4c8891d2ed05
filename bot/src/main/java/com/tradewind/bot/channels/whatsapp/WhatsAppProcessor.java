package com.tradewind.bot.channels.whatsapp;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradewind.bot.conversation.Asker;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.http.MessagesApi;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.WhatsAppInbound;
import com.tradewind.connectors.whatsapp.WhatsAppOutbound;
import com.tradewind.connectors.whatsapp.WhatsAppSender;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one accepted WhatsApp message: opens the user's 24-hour window, marks the message read,
 * runs the dialogue for text and button taps, asks politely for text when it got a photo or a
 * voice note, and sends the reply to {@code from} exactly as WhatsApp delivered it.
 */
final class WhatsAppProcessor {

  static final String CHANNEL = "whatsapp";
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppProcessor.class);

  private final Dialogue engine;
  private final ReplyTemplates replies;
  private final WhatsAppSender sender;
  private final WhatsAppReplyRenderer renderer;
  /** The language of each user's last turn, for replies that have no text to detect it from. */
  private final Cache<String, String> languages;

  WhatsAppProcessor(Dialogue engine, ReplyTemplates replies, WhatsAppSender sender, WhatsAppReplyRenderer renderer,
      Duration rememberLanguageFor) {
    this.engine = engine;
    this.replies = replies;
    this.sender = sender;
    this.renderer = renderer;
    this.languages = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterAccess(rememberLanguageFor).build();
  }

  /** What the webhook stores in the inbox for one message. */
  static JsonObject payload(WhatsAppInbound m) {
    return new JsonObject().put("id", m.id()).put("from", m.from())
        .put("timestamp", m.timestamp() == null ? null : m.timestamp().getEpochSecond())
        .put("kind", m.kind().name()).put("type", m.type()).put("text", m.text()).put("action", m.actionId());
  }

  Future<Void> process(InboundMessage inbound) {
    JsonObject p = inbound.payload();
    String id = p.getString("id");
    String from = p.getString("from");
    Long seconds = p.getLong("timestamp");
    sender.inbound(from, seconds == null ? null : Instant.ofEpochSecond(seconds));
    Future<Void> read = sender.markRead(id).recover(e -> {
      LOG.warn("WhatsApp read receipt for a message failed: {}", e.getMessage());
      return Future.succeededFuture();
    });
    WhatsAppInbound.Kind kind = WhatsAppInbound.Kind.valueOf(p.getString("kind"));
    Future<List<WhatsAppOutbound>> reply = switch (kind) {
      case NON_TEXT -> Future.succeededFuture(plain(from, "non_text", Map.of()));
      case TEXT, REPLY -> answer(from, p.getString("text"), p.getString("action"));
      case IGNORED -> Future.succeededFuture(List.of());
    };
    return reply.compose(parts -> parts.isEmpty() ? Future.succeededFuture(List.<String>of()) : sender.send(from, parts))
        .compose(sent -> read);
  }

  private Future<List<WhatsAppOutbound>> answer(String from, String text, String action) {
    String typed = text == null ? "" : text;
    if (action == null && typed.isBlank()) {
      return Future.succeededFuture(plain(from, "empty", Map.of()));
    }
    if (typed.length() > MessagesApi.MAX_TEXT) {
      return Future.succeededFuture(plain(from, "too_long", Map.of("max", String.valueOf(MessagesApi.MAX_TEXT))));
    }
    IncomingMessage message = new IncomingMessage(CHANNEL, from, CHANNEL + ":" + from, typed, action,
        new Asker(CHANNEL, from, null, null, null));
    return engine.handle(message).map(turn -> {
      if (turn.language() != null) {
        languages.put(from, turn.language());
      }
      return turn.reply() == null ? List.<WhatsAppOutbound>of() : renderer.render(turn.reply());
    }).recover(e -> {
      // the user still hears back, and the failure is logged for us
      LOG.error("WhatsApp message could not be answered: {}", e.toString());
      return Future.succeededFuture(plain(from, "error", Map.of()));
    });
  }

  private List<WhatsAppOutbound> plain(String from, String key, Map<String, String> values) {
    String lang = languages.getIfPresent(from);
    if (lang == null) {
      lang = CallingCodeLanguage.guess(from);
    }
    return List.of(new WhatsAppOutbound.Text(replies.text(replies.replyLanguage(lang), key, values)));
  }
}
