package com.tradewind.bot.delivery;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An {@link InboundMessage} as JSON, for the journal and Redis streams. */
public final class InboundMessageJson {

  private InboundMessageJson() {}

  /**
   * The JSON text of {@code json}, safe to store as UTF-8: an unpaired surrogate (JSON escapes
   * allow one, and platforms do send cut emoji) is written as a JSON backslash-u escape, where
   * plain UTF-8 encoding would silently turn it into a question mark.
   */
  public static String encode(JsonObject json) {
    String text = json.encode();
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  public static JsonObject toJson(InboundMessage m) {
    return new JsonObject()
        .put("id", m.id())
        .put("channel", m.channel())
        .put("keys", new JsonArray(List.copyOf(m.dedupeKeys())))
        .put("conversation", m.conversation())
        .put("payload", m.payload())
        .put("receivedAt", m.receivedAt() == null ? null : m.receivedAt().toEpochMilli());
  }

  /**
   * The message in {@code json}.
   *
   * @throws IllegalArgumentException when the id or channel is missing or a field has the wrong
   *     type
   */
  public static InboundMessage fromJson(JsonObject json) {
    try {
      String id = json.getString("id");
      String channel = json.getString("channel");
      if (id == null || channel == null) {
        throw new IllegalArgumentException("message without id or channel");
      }
      List<String> keys = new ArrayList<>();
      json.getJsonArray("keys", new JsonArray()).forEach(k -> keys.add(String.valueOf(k)));
      Long received = json.getLong("receivedAt");
      String conversation = json.getString("conversation");
      return new InboundMessage(id, channel, keys, conversation == null ? id : conversation,
          json.getJsonObject("payload", new JsonObject()), received == null ? null : Instant.ofEpochMilli(received));
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("message with a field of the wrong type: " + e.getMessage());
    }
  }
}
