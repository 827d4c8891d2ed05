package com.tradewind.bot.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;

import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.conversation.TurnObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per turn with its conversation id (in the MDC and as a field), channel, language,
 * intent, outcome and latency. The user's text is not logged: it is personal data, and the
 * insight store keeps what the dashboard needs of it.
 */
public final class TurnLog implements TurnObserver {

  private static final Logger LOG = LoggerFactory.getLogger("tradewind.turn");

  @Override
  public void observed(TurnEvent e) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    try (MDC.MDCCloseable c = MDC.putCloseable("conversation_id", e.conversationId())) {
      LOG.info("turn {} {} {}", kv("channel", e.channel()), kv("intent", e.intent()), kv("outcome", e.outcome()),
          kv("language", e.language()), kv("latency_ms", e.latency().toMillis()),
          kv("answer_id", e.answerId()), kv("handoff", e.handoffStarted()));
    }
  }
}
