package com.tradewind.connectors.whatsapp;

/**
 * A Graph API call that did not succeed. The message quotes Meta's error, never the request's
 * headers, so it is safe to log.
 */
public final class WhatsAppApiException extends RuntimeException {

  /** What went wrong, grouped by what the caller can do about it. */
  public enum Reason {
    /** Throughput (130429), pair rate (131056) or API rate limits: retried with back-off. */
    THROTTLED,
    /** 131047: outside the 24-hour window, only a template may be sent. */
    OUTSIDE_WINDOW,
    /** Meta's temporary errors (codes 1, 2): retried with back-off. */
    TEMPORARY,
    /** The access token is invalid or expired (0, 190). */
    AUTH,
    /** The token lacks a permission (10, 200–299). */
    PERMISSION,
    /** Meta rejected the request's content (100), or it breaks a documented limit before sending. */
    INVALID_REQUEST,
    /** The user cannot receive it (131026, 131030 …). */
    RECIPIENT,
    /** Any other error response. */
    REJECTED,
    /** No answer within the timeout; the message may or may not have been sent. */
    TIMEOUT,
    /** The connection failed. */
    NETWORK
  }

  private final Reason reason;
  private final int code;
  private final int httpStatus;
  private final String details;

  public WhatsAppApiException(Reason reason, int code, int httpStatus, String message, String details) {
    super(message, null, false, false);
    this.reason = reason;
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = details;
  }

  /** A failure detected before anything was sent (a documented limit is broken). */
  public static WhatsAppApiException invalid(String message) {
    return new WhatsAppApiException(Reason.INVALID_REQUEST, 0, 0, message, null);
  }

  /** Maps Meta's error code (and HTTP status when there is no code) to a reason. */
  public static Reason reasonFor(int code, int httpStatus) {
    return switch (code) {
      case WhatsAppError.OUTSIDE_WINDOW -> Reason.OUTSIDE_WINDOW;
      case WhatsAppError.THROUGHPUT, WhatsAppError.PAIR_RATE, 4, 80007, 131057 -> Reason.THROTTLED;
      case 1, 2 -> Reason.TEMPORARY;
      case 0, 190 -> httpStatus == 401 || code == 190 ? Reason.AUTH : byStatus(httpStatus);
      case 10 -> Reason.PERMISSION;
      case 100 -> Reason.INVALID_REQUEST;
      case 131026, 131030, 131051 -> Reason.RECIPIENT;
      default -> code >= 200 && code <= 299 ? Reason.PERMISSION : byStatus(httpStatus);
    };
  }

  private static Reason byStatus(int httpStatus) {
    return switch (httpStatus) {
      case 401 -> Reason.AUTH;
      case 403 -> Reason.PERMISSION;
      case 429 -> Reason.THROTTLED;
      default -> Reason.REJECTED;
    };
  }

  /** Whether repeating the same request later is safe and useful: Meta did not send it. */
  public boolean retryable() {
    return reason == Reason.THROTTLED || reason == Reason.TEMPORARY;
  }

  public Reason reason() {
    return reason;
  }

  /** Meta's error code, or 0 when the failure had none. */
  public int code() {
    return code;
  }

  /** The HTTP status of the response, or 0 when there was none. */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@code error_data.details}, or null. */
  public String details() {
    return details;
  }
}
