package com.tradewind.connectors.whatsapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads webhook notifications defensively: any array may be missing, statuses arrive without
 * messages, one POST may hold several entries, changes and messages, and unknown message types
 * must not break the rest of the batch.
 */
public final class WhatsAppWebhookParser {

  /** The {@code object} of WhatsApp Business notifications. */
  public static final String OBJECT = "whatsapp_business_account";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * @throws WhatsAppPayloadException when the body is not a single JSON object
   */
  public WhatsAppNotification parse(byte[] body) throws WhatsAppPayloadException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new WhatsAppPayloadException("body is not valid JSON");
    } catch (IOException e) {
      throw new WhatsAppPayloadException("body is unreadable");
    }
    if (root == null || !root.isObject()) {
      throw new WhatsAppPayloadException("body must be a JSON object");
    }
    if (!OBJECT.equals(root.path("object").asText(null))) {
      return WhatsAppNotification.ignored();
    }
    List<WhatsAppInbound> messages = new ArrayList<>();
    List<WhatsAppStatus> statuses = new ArrayList<>();
    List<WhatsAppError> errors = new ArrayList<>();
    int skipped = 0;
    boolean relevant = false;
    for (JsonNode entry : root.path("entry")) {
      for (JsonNode change : entry.path("changes")) {
        if (!"messages".equals(change.path("field").asText(null))) {
          continue;
        }
        relevant = true;
        JsonNode value = change.path("value");
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        Map<String, String> names = contactNames(value.path("contacts"));
        for (JsonNode message : value.path("messages")) {
          WhatsAppInbound parsed = message(message, phoneNumberId, names);
          if (parsed == null) {
            skipped++;
          } else {
            messages.add(parsed);
          }
        }
        for (JsonNode error : value.path("errors")) {
          errors.add(error(error));
        }
        for (JsonNode status : value.path("statuses")) {
          WhatsAppStatus parsed = status(status);
          if (parsed == null) {
            skipped++;
          } else {
            statuses.add(parsed);
          }
        }
      }
    }
    return relevant ? new WhatsAppNotification(true, messages, statuses, errors, skipped)
        : WhatsAppNotification.ignored();
  }

  private static Map<String, String> contactNames(JsonNode contacts) {
    Map<String, String> names = new HashMap<>();
    for (JsonNode contact : contacts) {
      String waId = text(contact, "wa_id");
      String name = text(contact.path("profile"), "name");
      if (waId != null && name != null) {
        names.put(waId, name);
      }
    }
    return names;
  }

  private static WhatsAppInbound message(JsonNode m, String phoneNumberId, Map<String, String> names) {
    String id = text(m, "id");
    String from = text(m, "from");
    if (id == null || from == null || id.isBlank() || from.isBlank()) {
      return null;
    }
    String type = lower(text(m, "type"));
    Instant timestamp = epochSeconds(m.path("timestamp"));
    String name = names.get(from);
    return switch (type == null ? "" : type) {
      case "text" -> new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.TEXT, type,
          m.path("text").path("body").asText(""), null, name, phoneNumberId);
      case "interactive" -> interactive(m.path("interactive"), id, from, timestamp, name, phoneNumberId);
      case "button" -> {
        // a quick-reply button of a template: its payload is the action
        String payload = text(m.path("button"), "payload");
        String label = text(m.path("button"), "text");
        yield new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.REPLY, type, label,
            payload != null ? payload : label, name, phoneNumberId);
      }
      case "reaction", "system" -> new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.IGNORED, type,
          null, null, name, phoneNumberId);
      default -> new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.NON_TEXT, type, null, null, name,
          phoneNumberId);
    };
  }

  private static WhatsAppInbound interactive(JsonNode i, String id, String from, Instant timestamp, String name,
      String phoneNumberId) {
    String kind = lower(text(i, "type"));
    JsonNode reply = "list_reply".equals(kind) ? i.path("list_reply") : i.path("button_reply");
    String replyId = text(reply, "id");
    if (replyId == null || !("button_reply".equals(kind) || "list_reply".equals(kind))) {
      // flows (nfm_reply) and future interactive kinds carry no button id we understand
      return new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.NON_TEXT, "interactive", null, null, name,
          phoneNumberId);
    }
    return new WhatsAppInbound(id, from, timestamp, WhatsAppInbound.Kind.REPLY, "interactive", text(reply, "title"),
        replyId, name, phoneNumberId);
  }

  private static WhatsAppStatus status(JsonNode s) {
    String id = text(s, "id");
    String status = lower(text(s, "status"));
    if (id == null || status == null) {
      return null;
    }
    List<WhatsAppError> errors = new ArrayList<>();
    for (JsonNode e : s.path("errors")) {
      errors.add(error(e));
    }
    return new WhatsAppStatus(id, status, epochSeconds(s.path("timestamp")), text(s, "recipient_id"), errors);
  }

  /** Reads one {@code {code, title, message, error_data: {details}}} object. */
  static WhatsAppError error(JsonNode e) {
    return new WhatsAppError(e.path("code").asInt(0), text(e, "title"), text(e, "message"),
        text(e.path("error_data"), "details"));
  }

  private static Instant epochSeconds(JsonNode node) {
    // documented as a string of epoch seconds; accept a number as well
    if (node.isNumber() || node.isTextual()) {
      try {
        long seconds = Long.parseLong(node.asText().strip());
        return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() || value.isNumber() ? value.asText() : null;
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }
}
