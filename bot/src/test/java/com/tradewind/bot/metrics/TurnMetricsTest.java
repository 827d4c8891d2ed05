package com.tradewind.bot.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.conversation.TurnEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every turn is counted in the series its labels name, however often the same labels come back. */
class TurnMetricsTest {

  private static TurnEvent turn(String channel, String intent, String language, TurnEvent.Outcome outcome) {
    return new TurnEvent(Instant.now(), channel, "c-1", "u-1", "hi", null, language, intent, outcome, null, List.of(),
        false, Duration.ofMillis(3));
  }

  @Test
  void countsPerLabelsAndNoSeriesBeforeItsFirstTurn() {
    BotMetrics metrics = BotMetrics.create();
    for (int i = 0; i < 3; i++) {
      metrics.observed(turn("web", "greeting", "en", TurnEvent.Outcome.REPLIED));
    }
    metrics.observed(turn("WEB ", "Greeting", "EN", TurnEvent.Outcome.REPLIED)); // the same labels once cleaned
    metrics.observed(turn("slack", "human_agent", "de", TurnEvent.Outcome.SILENT));
    String scrape = metrics.scrape();
    assertTrue(scrape.contains("tradewind_messages_in_total{channel=\"web\",intent=\"greeting\",language=\"en\"} 4.0"), scrape);
    assertTrue(scrape.contains("tradewind_messages_out_total{channel=\"web\",intent=\"greeting\",language=\"en\"} 4.0"), scrape);
    assertTrue(scrape.contains("tradewind_messages_in_total{channel=\"slack\",intent=\"human_agent\",language=\"de\"} 1.0"), scrape);
    assertFalse(scrape.contains("tradewind_messages_out_total{channel=\"slack\""), "a silent turn sends nothing: " + scrape);
    assertTrue(scrape.contains("tradewind_turns_total{channel=\"web\",outcome=\"replied\"} 4.0"), scrape);
    assertTrue(scrape.contains("tradewind_turns_total{channel=\"slack\",outcome=\"silent\"} 1.0"), scrape);
    assertTrue(scrape.contains("tradewind_reply_latency_seconds_count{channel=\"web\"} 4"), scrape);
    assertTrue(scrape.contains("tradewind_reply_latency_seconds_count{channel=\"slack\"} 1"), scrape);
  }
}
