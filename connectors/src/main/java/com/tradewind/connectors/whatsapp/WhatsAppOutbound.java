package com.tradewind.connectors.whatsapp;

import java.util.List;

/** A free-form message the bot wants to send (allowed inside the 24-hour window only). */
public sealed interface WhatsAppOutbound {

  /** A plain text message of at most {@value WhatsAppClient#MAX_TEXT} characters. */
  record Text(String body) implements WhatsAppOutbound {}

  /** A body of at most {@value WhatsAppClient#MAX_INTERACTIVE_BODY} characters with 1–3 reply buttons. */
  record Buttons(String body, List<ReplyButton> buttons) implements WhatsAppOutbound {

    public Buttons {
      buttons = List.copyOf(buttons);
    }
  }
}
