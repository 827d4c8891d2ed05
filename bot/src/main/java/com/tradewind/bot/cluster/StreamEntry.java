package com.tradewind.bot.cluster;

import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.InboundMessageJson;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of the inbox stream: the message and its number in its conversation.
 *
 * @param message null when the entry could not be read (it is acknowledged and counted as failed)
 */
record StreamEntry(String id, long seq, InboundMessage message) {

  /** Entries of an XREADGROUP reply (RESP2 arrays or a RESP3 map); empty for a null reply. */
  static List<StreamEntry> fromRead(Response reply) {
    List<StreamEntry> out = new ArrayList<>();
    if (reply == null) {
      return out;
    }
    if (reply.isMap()) {
      for (String stream : reply.getKeys()) {
        entries(reply.get(stream), out);
      }
    } else {
      for (Response stream : reply) {
        entries(stream.get(1), out);
      }
    }
    return out;
  }

  /** Entries of a list of [id, fields] pairs, as in XREADGROUP and XAUTOCLAIM replies. */
  static void entries(Response list, List<StreamEntry> out) {
    if (list == null) {
      return;
    }
    for (Response entry : list) {
      if (entry == null || entry.size() < 2 || entry.get(1) == null) {
        continue; // an entry deleted after it was delivered
      }
      out.add(of(entry.get(0).toString(), fields(entry.get(1))));
    }
  }

  private static Map<String, String> fields(Response raw) {
    Map<String, String> fields = new HashMap<>();
    if (raw.isMap()) {
      raw.getKeys().forEach(k -> fields.put(k, raw.get(k).toString()));
    } else {
      for (int i = 0; i + 1 < raw.size(); i += 2) {
        fields.put(raw.get(i).toString(), raw.get(i + 1).toString());
      }
    }
    return fields;
  }

  static StreamEntry of(String id, Map<String, String> fields) {
    try {
      long seq = Long.parseLong(fields.getOrDefault("seq", "0"));
      return new StreamEntry(id, seq, InboundMessageJson.fromJson(new JsonObject(fields.getOrDefault("msg", "{}"))));
    } catch (DecodeException | IllegalArgumentException e) {
      return new StreamEntry(id, 0, null);
    }
  }
}
