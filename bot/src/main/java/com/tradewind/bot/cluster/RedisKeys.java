package com.tradewind.bot.cluster;

/**
 * Every Redis key Tradewind uses, under one prefix (so several deployments or test runs can share
 * a Redis). docs/delivery.md describes what each holds.
 */
public record RedisKeys(String prefix) {

  public RedisKeys {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("key prefix is required");
    }
  }

  /** The stream of recorded, unanswered inbound messages. */
  public String inboxStream() {
    return prefix + "inbox";
  }

  /** The consumer group all nodes read {@link #inboxStream()} through. */
  public String inboxGroup() {
    return "tradewind";
  }

  /** A dedupe key of a message ({@code slack:event:…}, {@code wa:wamid…}): the message id, with expiry. */
  public String dedupe(String key) {
    return prefix + "dedupe:" + key;
  }

  /** Hash of a conversation's order: {@code seq} (last message recorded), {@code done} (last answered). */
  public String order(String conversation) {
    return prefix + "order:" + conversation;
  }

  /** Conversation state as JSON, expiring after the idle time. */
  public String conversation(String id) {
    return prefix + "conversation:" + id;
  }

  /** Requests counted in one second of one outbound rate limit. */
  public String rate(String key, long epochSecond) {
    return prefix + "rate:" + key + ":" + epochSecond;
  }

  /** Messages given up after their last try: a counter, and a list of the latest (capped). */
  public String failedCount() {
    return prefix + "failed:count";
  }

  public String failedList() {
    return prefix + "failed:recent";
  }

  /** Hash of open hand-off cases: conversation id → the case as JSON. */
  public String handoffs() {
    return prefix + "handoff:cases";
  }

  /** Hash of hand-off staff threads: thread id → conversation id. */
  public String handoffThreads() {
    return prefix + "handoff:threads";
  }

  /** List of staff messages waiting for a web chat page (JSON, newest last, capped), expiring. */
  public String webMailbox(String conversation) {
    return prefix + "mailbox:" + conversation;
  }
}
