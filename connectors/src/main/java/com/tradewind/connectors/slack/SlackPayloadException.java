package com.tradewind.connectors.slack;

/** A signed request whose body is not the JSON or form Slack documents (answered 400). */
public final class SlackPayloadException extends Exception {

  public SlackPayloadException(String message) {
    super(message, null, false, false);
  }
}
