package com.tradewind.bot.delivery.journal;

/**
 * Told when a compaction has reached a point a crash could interrupt; tests use it to stop a
 * compaction there, as a kill would, and check what replay makes of the files left behind.
 */
@FunctionalInterface
interface CompactionSteps {

  /** The points, in the order a compaction passes them. */
  enum Step {
    /** The sealed segment exists, nothing is written yet. */
    STARTED,
    /** {@code inbox.base.tmp} is complete and fsynced, not yet renamed. */
    BASE_WRITTEN,
    /** The new base replaced the old one; the sealed segment still exists. */
    BASE_REPLACED
  }

  CompactionSteps NONE = step -> {};

  void reached(Step step);
}
