package com.tradewind.knowledge.index;

/** The index directory cannot be used, with the reason a user can act on. */
public final class IndexOpenException extends Exception {

  /** Why the index could not be opened. */
  public enum Reason { LOCKED, CORRUPT, NOT_WRITABLE }

  private final Reason reason;

  public IndexOpenException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
