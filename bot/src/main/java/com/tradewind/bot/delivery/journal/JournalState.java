package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.InboundMessageJson;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the records on disk add up to: messages recorded but not yet answered (in arrival order)
 * and every dedupe key with its expiry. Built by replay: at start-up from every journal file, and
 * by each compaction from the files it folds together, so a compaction writes exactly what was
 * durable, never what is still waiting for its fsync. Not kept afterwards.
 */
final class JournalState {

  private final Map<String, InboundMessage> pending = new LinkedHashMap<>();
  private final Map<String, Long> keyExpiry = new HashMap<>();

  /** Applies one record; records about unknown ids (already compacted away) are ignored. */
  void apply(JournalRecord record) {
    try {
      applyChecked(record);
    } catch (ClassCastException e) {
      throw new JournalCorruptException(record.type() + " record with a field of the wrong type");
    }
  }

  private void applyChecked(JournalRecord record) {
    JsonObject body = record.body();
    switch (record.type()) {
      case OFFER -> {
        InboundMessage message = toMessage(body);
        pending.putIfAbsent(message.id(), message);
        long expires = body.getLong("expiresAt", 0L);
        message.dedupeKeys().forEach(k -> keyExpiry.merge(k, expires, Math::max));
      }
      case DONE, FAILED -> {
        String id = body.getString("id");
        if (id != null) {
          pending.remove(id);
        }
      }
      case KEYS -> body.getJsonObject("keys", new JsonObject())
          .forEach(e -> keyExpiry.merge(e.getKey(), ((Number) e.getValue()).longValue(), Math::max));
    }
  }

  /** Messages recorded and neither answered nor failed, in the order they were recorded. */
  List<InboundMessage> pending() {
    return List.copyOf(pending.values());
  }

  /** Unexpired dedupe keys with their expiry in epoch milliseconds. */
  Map<String, Long> liveKeys(long nowMillis) {
    keyExpiry.values().removeIf(expires -> expires <= nowMillis);
    return keyExpiry;
  }

  /**
   * The records a fresh base needs to say the same: the pending messages, then the keys of
   * answered ones in chunks. Consumes the keys: the state is not used afterwards.
   */
  List<JournalRecord> snapshot(long nowMillis, long keyExpiryOfPending) {
    List<JournalRecord> out = new ArrayList<>();
    Map<String, Long> keys = keyExpiry;
    keys.values().removeIf(expires -> expires <= nowMillis);
    for (InboundMessage m : pending.values()) {
      long expires = m.dedupeKeys().stream().mapToLong(k -> keys.getOrDefault(k, keyExpiryOfPending)).max()
          .orElse(keyExpiryOfPending);
      out.add(offer(m, expires));
      m.dedupeKeys().forEach(keys::remove);
    }
    JsonObject chunk = new JsonObject();
    for (Map.Entry<String, Long> e : keys.entrySet()) {
      chunk.put(e.getKey(), e.getValue());
      if (chunk.size() == 1000) {
        out.add(new JournalRecord(JournalRecord.Type.KEYS, new JsonObject().put("keys", chunk)));
        chunk = new JsonObject();
      }
    }
    if (!chunk.isEmpty()) {
      out.add(new JournalRecord(JournalRecord.Type.KEYS, new JsonObject().put("keys", chunk)));
    }
    return out;
  }

  static JournalRecord offer(InboundMessage m, long keysExpireAt) {
    return new JournalRecord(JournalRecord.Type.OFFER, InboundMessageJson.toJson(m).put("expiresAt", keysExpireAt));
  }

  static JournalRecord done(String id) {
    return new JournalRecord(JournalRecord.Type.DONE, new JsonObject().put("id", id));
  }

  static JournalRecord failed(String id, String error) {
    return new JournalRecord(JournalRecord.Type.FAILED, new JsonObject().put("id", id).put("error", error));
  }

  /** The message of an OFFER body; a body missing its id or channel is corruption. */
  static InboundMessage toMessage(JsonObject body) {
    try {
      return InboundMessageJson.fromJson(body);
    } catch (IllegalArgumentException e) {
      throw new JournalCorruptException("offer record: " + e.getMessage());
    }
  }
}
