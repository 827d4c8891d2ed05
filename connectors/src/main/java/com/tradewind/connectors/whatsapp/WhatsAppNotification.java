package com.tradewind.connectors.whatsapp;

import java.util.List;

/**
 * Everything one webhook POST carried; Meta batches several entries, changes and messages.
 *
 * @param relevant false when the object or every change field is one this connector does not
 *     handle (acknowledge and ignore)
 * @param messages user messages, in payload order
 * @param statuses delivery receipts, in payload order
 * @param errors problems Meta reports about the account or app rather than one message
 *     ({@code value.errors[]})
 * @param skipped messages or statuses too incomplete to use (no id, no sender)
 */
public record WhatsAppNotification(boolean relevant, List<WhatsAppInbound> messages, List<WhatsAppStatus> statuses,
    List<WhatsAppError> errors, int skipped) {

  public WhatsAppNotification {
    messages = List.copyOf(messages);
    statuses = List.copyOf(statuses);
    errors = List.copyOf(errors);
  }

  /** A notification about something else (another object or field). */
  public static WhatsAppNotification ignored() {
    return new WhatsAppNotification(false, List.of(), List.of(), List.of(), 0);
  }
}
