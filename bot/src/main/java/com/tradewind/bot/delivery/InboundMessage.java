package com.tradewind.bot.delivery;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A message a channel accepted from a platform and must answer exactly once.
 *
 * @param id unique id of this record (the first dedupe key is a good choice)
 * @param channel the channel whose processor handles it ("slack", "whatsapp")
 * @param dedupeKeys every key under which a redelivery of the same message can arrive, e.g.
 *     {@code slack:event:A1:T1:Ev123} and {@code slack:msg:C1:1355517523.000005}; the message is a
 *     duplicate when any of them was seen before
 * @param conversation messages with the same value are processed one after another, in order
 * @param payload what the channel's processor needs later, as JSON so it can be journaled or
 *     sent through Redis
 */
public record InboundMessage(String id, String channel, List<String> dedupeKeys, String conversation,
    JsonObject payload, Instant receivedAt) {

  public InboundMessage {
    dedupeKeys = List.copyOf(dedupeKeys);
  }
}
