package com.tradewind.bot.delivery.journal;

/**
 * The journal cannot be opened or written: not writable, disk full, locked by another process, or
 * a dedupe key file damaged.
 */
public final class JournalUnavailableException extends RuntimeException {

  /** Why, for callers that react differently (and tests). */
  public enum Reason { NOT_WRITABLE, DISK_FULL, LOCKED, IO_ERROR, CORRUPT }

  private final Reason reason;

  public JournalUnavailableException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
