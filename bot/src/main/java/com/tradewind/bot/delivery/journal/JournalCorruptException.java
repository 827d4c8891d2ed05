package com.tradewind.bot.delivery.journal;

/** Bytes in the journal that no complete, intact record could have produced. */
public final class JournalCorruptException extends RuntimeException {

  public JournalCorruptException(String message) {
    super(message);
  }
}
