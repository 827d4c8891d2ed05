package com.tradewind.bot.handoff;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Staff replies waiting for a web chat page to fetch them: the web chat only speaks when spoken
 * to, so during a hand-off the page polls for what staff wrote. Each conversation keeps its last
 * messages, numbered, so a page that reloads asks only for what it has not shown. In memory on a
 * single node, in Redis in cluster mode (the page's next poll may reach another node).
 */
public interface WebChatMailbox extends BuyerRelay {

  /** How many messages a conversation keeps. */
  int KEEP = 50;

  /** One relayed message; {@code seq} grows by one per conversation. */
  record Letter(long seq, String from, String text, Instant time) {}

  /** Messages after {@code seq}, oldest first. */
  Future<List<Letter>> after(String conversationId, long seq);
}
