package com.tradewind.bot.delivery.journal;

/** The journal cannot be opened or written: not writable, disk full, or locked by another process. */
public final class JournalUnavailableException extends RuntimeException {

  public JournalUnavailableException(String message) {
    super(message);
  }
}
