package com.tradewind.connectors.whatsapp;

import java.time.Instant;

/**
 * One user message from a webhook notification.
 *
 * @param id the {@code wamid.…} id: the dedupe key and what a read receipt refers to
 * @param from the sender's WhatsApp id exactly as delivered (digits without {@code +}; a Mexican
 *     number keeps its {@code 521}); replies go to this value unchanged
 * @param timestamp when the user sent it, or null when the payload carried no usable time
 * @param kind how the bot should treat it
 * @param type the payload's {@code type} ({@code text}, {@code interactive}, {@code image}…)
 * @param text the typed text, or the tapped button's title; null for other kinds
 * @param actionId the tapped reply button's or list row's id, or a quick-reply payload; else null
 * @param contactName the profile name from {@code contacts[]}, or null
 * @param phoneNumberId the business number that received it ({@code metadata.phone_number_id})
 */
public record WhatsAppInbound(String id, String from, Instant timestamp, Kind kind, String type, String text,
    String actionId, String contactName, String phoneNumberId) {

  /** What the bot does with a message. */
  public enum Kind {
    /** Typed text: answer it. */
    TEXT,
    /** A tapped reply button, list row or template quick reply: answer its action. */
    REPLY,
    /** Media, location, contacts and other types the bot cannot read: ask for text politely. */
    NON_TEXT,
    /** Reactions and system notices: no answer expected. */
    IGNORED
  }
}
