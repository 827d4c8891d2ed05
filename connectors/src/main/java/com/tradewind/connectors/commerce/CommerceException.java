package com.tradewind.connectors.commerce;

/**
 * Why a store or tracking service could not answer. Messages name the provider and the reason,
 * never a secret or a buyer's personal data.
 */
public final class CommerceException extends RuntimeException {

  /** What went wrong, coarse enough to choose a reply and a retry policy. */
  public enum Reason {
    /** No answer within the time budget. */
    TIMEOUT,
    /** Connection refused, 5xx, or the provider reported an internal error. */
    UNAVAILABLE,
    /** 429 or a quota error; see {@link #retryAfterMillis()}. */
    RATE_LIMITED,
    /** The credentials were refused: a configuration problem, not the user's. */
    AUTH,
    /** The provider answered something we cannot read. */
    BAD_RESPONSE,
    /** The provider refused the request itself (bad parameter). */
    REJECTED,
    /** Recent calls failed; we are not calling the provider for a while. */
    CIRCUIT_OPEN
  }

  private final String provider;
  private final Reason reason;
  private final long retryAfterMillis;

  public CommerceException(String provider, Reason reason, String message) {
    this(provider, reason, message, -1, null);
  }

  public CommerceException(String provider, Reason reason, String message, long retryAfterMillis, Throwable cause) {
    super(provider + ": " + reason.name().toLowerCase(java.util.Locale.ROOT) + " (" + message + ")", cause, false,
        false);
    this.provider = provider;
    this.reason = reason;
    this.retryAfterMillis = retryAfterMillis;
  }

  public String provider() {
    return provider;
  }

  public Reason reason() {
    return reason;
  }

  /** How long the provider asked us to wait, or -1 when it did not say. */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** Whether trying the same call again later can succeed (not so for AUTH or REJECTED). */
  public boolean transientFailure() {
    return reason != Reason.AUTH && reason != Reason.REJECTED && reason != Reason.BAD_RESPONSE;
  }
}
