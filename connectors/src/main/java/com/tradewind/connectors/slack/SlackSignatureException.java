package com.tradewind.connectors.slack;

/** A request that does not prove it comes from Slack; {@link #reason()} says why. */
public final class SlackSignatureException extends Exception {

  /** Why a request was rejected. */
  public enum Reason {
    /** {@code X-Slack-Request-Timestamp} or {@code X-Slack-Signature} is absent. */
    MISSING_HEADERS,
    /** The timestamp is not a number or the signature is not {@code v0=} + 64 hex digits. */
    MALFORMED,
    /** Older than the replay window. */
    STALE_TIMESTAMP,
    /** Further in the future than the replay window. */
    FUTURE_TIMESTAMP,
    /** The HMAC does not match the body. */
    BAD_SIGNATURE
  }

  private final Reason reason;

  public SlackSignatureException(Reason reason, String message) {
    super(message, null, false, false); // an expected rejection: no stack trace needed
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
