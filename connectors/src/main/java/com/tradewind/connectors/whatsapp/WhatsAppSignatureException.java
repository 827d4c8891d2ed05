package com.tradewind.connectors.whatsapp;

/** A webhook request whose {@code X-Hub-Signature-256} does not prove it came from Meta. */
public final class WhatsAppSignatureException extends Exception {

  /** Why the signature was rejected. */
  public enum Reason {
    /** No {@code X-Hub-Signature-256} header. */
    MISSING,
    /** The header is not {@code sha256=} followed by 64 hex digits. */
    MALFORMED,
    /** Well formed, but not the HMAC of these bytes under our app secret. */
    MISMATCH
  }

  private final Reason reason;

  public WhatsAppSignatureException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
