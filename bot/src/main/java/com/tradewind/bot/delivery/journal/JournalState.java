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
 * What the records on disk add up to: messages recorded but not yet answered (in arrival order,
 * with the expiry their keys were recorded with), and the dedupe keys met on the way, handed to a
 * {@link KeySink} instead of being kept here. Built by replay: at start-up from the base (keys
 * ignored: compactions spilled them already) and the segment appended to (keys to the in-memory
 * table), and by each compaction from the files it folds together (keys to the spill), so a
 * compaction writes exactly what was durable, never what is still waiting for its fsync. Not kept
 * afterwards.
 */
final class JournalState {

  /** Where replay puts the dedupe keys it meets. */
  @FunctionalInterface
  interface KeySink {
    KeySink IGNORE = (key, expires) -> {};

    void key(String key, long expiresAt);
  }

  private final Map<String, InboundMessage> pending = new LinkedHashMap<>();
  private final Map<String, Long> pendingExpiry = new HashMap<>();
  private KeySink keys = KeySink.IGNORE;
  private boolean keysRecords;

  /** Sends the keys of the records applied from now on to {@code sink}. */
  void keysTo(KeySink sink) {
    this.keys = sink;
  }

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
        long expires = body.getLong("expiresAt", 0L);
        if (pending.putIfAbsent(message.id(), message) == null) {
          pendingExpiry.put(message.id(), expires);
        }
        message.dedupeKeys().forEach(k -> keys.key(k, expires));
      }
      case DONE, FAILED -> {
        String id = body.getString("id");
        if (id != null) {
          pending.remove(id);
          pendingExpiry.remove(id);
        }
      }
      case KEYS -> {
        JsonObject chunk = body.getJsonObject("keys", new JsonObject());
        keysRecords |= !chunk.isEmpty();
        chunk.forEach(e -> keys.key(e.getKey(), ((Number) e.getValue()).longValue()));
      }
    }
  }

  /** Messages recorded and neither answered nor failed, in the order they were recorded. */
  List<InboundMessage> pending() {
    return List.copyOf(pending.values());
  }

  /**
   * Whether a KEYS record with keys was applied: a base written by a version that kept every key
   * in the base, which start-up converts into a key file once.
   */
  boolean sawKeysRecords() {
    return keysRecords;
  }

  /**
   * The records a fresh base needs: the pending messages with the expiry they were recorded with
   * ({@code fallbackExpiry} for a record without one). Their keys and those of answered messages
   * are in the key files by then.
   */
  List<JournalRecord> snapshot(long fallbackExpiry) {
    List<JournalRecord> out = new ArrayList<>(pending.size());
    for (InboundMessage m : pending.values()) {
      long expires = pendingExpiry.getOrDefault(m.id(), 0L);
      out.add(offer(m, expires > 0 ? expires : fallbackExpiry));
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
