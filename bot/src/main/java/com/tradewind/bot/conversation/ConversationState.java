package com.tradewind.bot.conversation;

import java.time.Instant;

/**
 * What the bot remembers about one conversation.
 *
 * @param language the user's language, kept across short messages ("ok", a bare number)
 * @param pending the intent waiting for a missing value (an order number), or null
 * @param lastOrderId the order discussed last, for "and the tracking?"
 * @param lastTrackingNumber the parcel discussed last
 * @param handoff a human has taken over: the bot stays silent until released
 */
public record ConversationState(String id, String language, String pending, String lastOrderId,
    String lastTrackingNumber, boolean handoff, Instant updatedAt) {

  public static ConversationState start(String id, Instant now) {
    return new ConversationState(id, null, null, null, null, false, now);
  }

  public ConversationState withLanguage(String lang) {
    return new ConversationState(id, lang, pending, lastOrderId, lastTrackingNumber, handoff, updatedAt);
  }

  public ConversationState withPending(String intent) {
    return new ConversationState(id, language, intent, lastOrderId, lastTrackingNumber, handoff, updatedAt);
  }

  public ConversationState withOrder(String orderId, String trackingNumber) {
    return new ConversationState(id, language, pending, orderId,
        trackingNumber != null ? trackingNumber : lastTrackingNumber, handoff, updatedAt);
  }

  public ConversationState withTracking(String trackingNumber) {
    return new ConversationState(id, language, pending, lastOrderId, trackingNumber, handoff, updatedAt);
  }

  public ConversationState withHandoff(boolean on) {
    return new ConversationState(id, language, pending, lastOrderId, lastTrackingNumber, on, updatedAt);
  }

  public ConversationState touched(Instant now) {
    return new ConversationState(id, language, pending, lastOrderId, lastTrackingNumber, handoff, now);
  }
}
