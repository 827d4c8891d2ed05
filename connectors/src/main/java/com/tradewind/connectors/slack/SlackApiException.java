package com.tradewind.connectors.slack;

/** A Slack Web API call that did not succeed; {@link #reason()} says how, {@link #error()} Slack's code. */
public final class SlackApiException extends RuntimeException {

  /** How a call failed. */
  public enum Reason {
    /** HTTP 200 with {@code "ok": false}; {@link #error()} holds Slack's code, e.g. {@code channel_not_found}. */
    API_ERROR,
    /** Still HTTP 429 after the retries Retry-After allowed. */
    RATE_LIMITED,
    /** Another HTTP status. */
    HTTP_STATUS,
    /** Timeout, refused connection, TLS failure. */
    UNREACHABLE,
    /** A 200 whose body is not a JSON object. */
    BAD_RESPONSE
  }

  private final Reason reason;
  private final String method;
  private final String error;

  public SlackApiException(Reason reason, String method, String error) {
    super("Slack " + method + " failed: " + reason.name().toLowerCase(java.util.Locale.ROOT)
        + (error == null ? "" : " (" + error + ")"), null, false, false);
    this.reason = reason;
    this.method = method;
    this.error = error;
  }

  public Reason reason() {
    return reason;
  }

  /** The Web API method, e.g. {@code chat.postMessage}. */
  public String method() {
    return method;
  }

  /** Slack's error code, the HTTP status or the transport error; null when none. */
  public String error() {
    return error;
  }
}
