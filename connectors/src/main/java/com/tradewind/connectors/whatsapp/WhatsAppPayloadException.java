package com.tradewind.connectors.whatsapp;

/** A webhook body that is not a JSON object (answered with 400). */
public final class WhatsAppPayloadException extends Exception {

  public WhatsAppPayloadException(String message) {
    super(message, null, false, false);
  }
}
