package com.tradewind.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.cluster.RedisTestSupport;
import org.junit.jupiter.api.Test;

/**
 * SIGKILLs real {@code tradewind serve} processes while signed Slack events arrive and counts the
 * replies at a fake Slack Web API ({@link CrashDrill}): every event acknowledged, none lost, and
 * every event answered twice explained as a reply accepted in the instant before its process died.
 * Each run prints its seed (kill delays, re-sends) and its numbers; {@code bench-crash} runs it longer.
 */
class CrashDrillTest {

  @Test
  void oneNodeWithTheJournalLosesNothingOverRepeatedSigkills() throws Exception {
    check(CrashDrill.run(CrashDrill.Settings.journal(1_000, 5), System.out));
  }

  @Test
  void aSurvivingClusterNodeTakesOverAKilledNodesMessages() throws Exception {
    RedisTestSupport.assumeRedis();
    check(CrashDrill.run(CrashDrill.Settings.cluster(RedisTestSupport.URL, 1_000, 4), System.out));
  }

  private static void check(CrashDrill.Report report) {
    System.out.println(report.summary());
    String details = report.summary() + report.details();
    assertTrue(report.kills() >= 4, details);
    assertEquals(1_000, report.acknowledged(), "every event acknowledged in the end: " + details);
    assertEquals(0, report.lost(), "acknowledged but never answered: " + details);
    assertEquals(0, report.tally().unexplained(), "answered twice other than by a crash: " + details);
    assertEquals(0, report.tally().unexpected(), "replies to events never sent: " + details);
    assertTrue(report.leftInRedis() <= 0, "answered entries are deleted from the stream: " + details);
    assertTrue(report.resentAcknowledged() > 0, "acknowledged events were sent again: " + details);
  }
}
