package com.tradewind.connectors.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Decodes the {@code application/x-www-form-urlencoded} bodies of slash commands and interactions. */
public final class SlackForm {

  private SlackForm() {}

  /** Field name to value (the first one wins when repeated). */
  public static Map<String, String> parse(byte[] raw) throws SlackPayloadException {
    String body = new String(raw, StandardCharsets.UTF_8);
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isBlank()) {
      return fields;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        throw new SlackPayloadException("body is not valid form encoding");
      }
    }
    return fields;
  }
}
