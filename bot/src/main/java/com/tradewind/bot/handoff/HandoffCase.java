package com.tradewind.bot.handoff;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One conversation a person has taken over.
 *
 * @param channel and {@code user} say where staff replies go (the user exactly as the channel
 *     delivered it, e.g. a WhatsApp {@code from})
 * @param threadId the staff desk's thread for this case (a Slack message ts), null until opened
 * @param lastActivity the last message from either side; the case times out from here
 */
public record HandoffCase(String conversationId, String channel, String user, String language, String orderId,
    String threadId, Instant openedAt, Instant lastActivity) {

  public HandoffCase withThread(String thread) {
    return new HandoffCase(conversationId, channel, user, language, orderId, thread, openedAt, lastActivity);
  }

  public HandoffCase touched(Instant now) {
    return new HandoffCase(conversationId, channel, user, language, orderId, threadId, openedAt, now);
  }

  public JsonObject toJson() {
    return new JsonObject().put("conversationId", conversationId).put("channel", channel).put("user", user)
        .put("language", language).put("orderId", orderId).put("threadId", threadId)
        .put("openedAt", openedAt.toString()).put("lastActivity", lastActivity.toString());
  }

  public static HandoffCase fromJson(JsonObject json) {
    return new HandoffCase(json.getString("conversationId"), json.getString("channel"), json.getString("user"),
        json.getString("language"), json.getString("orderId"), json.getString("threadId"),
        Instant.parse(json.getString("openedAt")), Instant.parse(json.getString("lastActivity")));
  }
}
