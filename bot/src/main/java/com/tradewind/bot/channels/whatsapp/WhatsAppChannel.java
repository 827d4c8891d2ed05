package com.tradewind.bot.channels.whatsapp;

import com.tradewind.bot.config.WhatsAppOptions;
import com.tradewind.bot.conversation.Dialogue;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.connectors.whatsapp.CustomerServiceWindow;
import com.tradewind.connectors.whatsapp.WhatsAppClient;
import com.tradewind.connectors.whatsapp.WhatsAppSender;
import com.tradewind.connectors.whatsapp.WhatsAppSignatureVerifier;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assembled WhatsApp channel: webhook routes on the server, an inbox processor, the Graph API
 * sender and the delivery-status record. {@link #install} is the one call the server needs.
 */
public final class WhatsAppChannel {

  /** Meta retries a webhook for a day or more; remember message ids for a week. */
  public static final Duration DEDUPE_FOR = Duration.ofDays(7);
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChannel.class);

  private final WhatsAppWebhook webhook;
  private final DeliveryStatuses statuses;
  private final WhatsAppSender sender;

  private WhatsAppChannel(WhatsAppWebhook webhook, DeliveryStatuses statuses, WhatsAppSender sender) {
    this.webhook = webhook;
    this.statuses = statuses;
    this.sender = sender;
  }

  /**
   * How hand-off staff reach a WhatsApp buyer: their words as a text message to the number the
   * buyer wrote from (the 24-hour window and template fallback apply as to any reply).
   */
  public com.tradewind.bot.handoff.BuyerRelay buyerRelay() {
    return (handoff, text, from) -> sender.send(handoff.user(),
        java.util.List.of(new com.tradewind.connectors.whatsapp.WhatsAppOutbound.Text(
            text.length() > com.tradewind.connectors.whatsapp.WhatsAppClient.MAX_TEXT
                ? text.substring(0, com.tradewind.connectors.whatsapp.WhatsAppClient.MAX_TEXT) : text)))
        .mapEmpty();
  }

  /**
   * Adds the channel to {@code server} when the {@code WHATSAPP_*} secrets are set in {@code env}
   * (a bad value throws a configuration error naming the variable), answering through {@code inbox}.
   */
  public static Optional<WhatsAppChannel> install(Vertx vertx, ApiServer server, Dialogue engine,
      ReplyTemplates replies, Map<String, String> env, Inbox inbox) {
    Optional<WhatsAppOptions> options = WhatsAppOptions.load(env);
    if (options.isEmpty()) {
      LOG.info("WhatsApp connector off (set WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN, WHATSAPP_ACCESS_TOKEN"
          + " and WHATSAPP_PHONE_NUMBER_ID to turn it on)");
      return Optional.empty();
    }
    return Optional.of(install(vertx, server, engine, replies, options.get(), inbox, Clock.systemUTC()));
  }

  /** Adds the channel with explicit options, inbox and clock (tests, durable inboxes). */
  public static WhatsAppChannel install(Vertx vertx, ApiServer server, Dialogue engine, ReplyTemplates replies,
      WhatsAppOptions options, Inbox inbox, Clock clock) {
    WhatsAppClient client = WhatsAppClient.create(vertx, options.client());
    WhatsAppSender sender = new WhatsAppSender(client, new CustomerServiceWindow(clock, 1_000_000), options.template(),
        1_000_000);
    DeliveryStatuses statuses = new DeliveryStatuses(1_000_000, Duration.ofDays(2));
    WhatsAppProcessor processor = new WhatsAppProcessor(engine, replies, sender,
        new WhatsAppReplyRenderer(replies, options.sourceBaseUrl()), Duration.ofDays(30));
    inbox.process(WhatsAppProcessor.CHANNEL, processor::process);
    WhatsAppWebhook webhook = new WhatsAppWebhook(vertx, new WhatsAppSignatureVerifier(options.appSecret()),
        options.verifyToken(), inbox, statuses, sender, clock);
    server.with(webhook);
    if (options.template() == null) {
      LOG.warn("WhatsApp connector on without WHATSAPP_TEMPLATE_NAME: replies after the 24-hour window cannot be sent");
    }
    LOG.info("WhatsApp connector on: {} (webhook {})", options, WhatsAppWebhook.PATH);
    return new WhatsAppChannel(webhook, statuses, sender);
  }

  /** Delivery statuses of sent messages. */
  public DeliveryStatuses statuses() {
    return statuses;
  }

  /** Rejected webhook requests by reason. */
  public Map<String, Long> rejections() {
    return webhook.rejections();
  }
}
