package com.tradewind.knowledge.ingest;

/** A file that cannot be ingested, with the reason a user can act on. */
public final class DocumentException extends Exception {

  /** Why a file was skipped. */
  public enum Reason { UNSUPPORTED_TYPE, TOO_LARGE, BINARY, UNREADABLE, EMPTY }

  private final Reason reason;
  private final String path;

  public DocumentException(Reason reason, String path, String message) {
    super(path + ": " + message);
    this.reason = reason;
    this.path = path;
  }

  public Reason reason() {
    return reason;
  }

  public String path() {
    return path;
  }
}
