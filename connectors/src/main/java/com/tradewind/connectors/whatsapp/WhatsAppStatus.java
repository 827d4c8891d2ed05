package com.tradewind.connectors.whatsapp;

import java.time.Instant;
import java.util.List;

/**
 * A delivery receipt for a message the bot sent.
 *
 * @param messageId the outbound {@code wamid.…}
 * @param status {@code sent}, {@code delivered}, {@code read}, {@code failed} (others are passed on
 *     as received, lower-cased)
 * @param timestamp when the status happened, or null
 * @param recipientId the user the message went to
 * @param errors why it failed; empty unless {@code failed}
 */
public record WhatsAppStatus(String messageId, String status, Instant timestamp, String recipientId,
    List<WhatsAppError> errors) {

  public WhatsAppStatus {
    errors = List.copyOf(errors);
  }
}
