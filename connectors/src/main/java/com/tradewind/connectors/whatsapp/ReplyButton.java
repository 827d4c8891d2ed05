package com.tradewind.connectors.whatsapp;

/**
 * A reply button of an interactive message; tapping it sends {@code id} back as a
 * {@code button_reply}.
 *
 * @param id at most {@value #MAX_ID} characters, no surrounding spaces
 * @param title at most {@value #MAX_TITLE} characters
 */
public record ReplyButton(String id, String title) {

  public static final int MAX_ID = 256;
  public static final int MAX_TITLE = 20;

  public ReplyButton {
    if (id == null || id.isBlank() || id.length() > MAX_ID || !id.equals(id.strip())) {
      throw WhatsAppApiException.invalid("a reply button id must be 1 to " + MAX_ID + " characters without surrounding spaces");
    }
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      throw WhatsAppApiException.invalid("a reply button title must be 1 to " + MAX_TITLE + " characters");
    }
  }
}
