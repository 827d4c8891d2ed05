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
    /** The keys of base + sealed segment are in a complete, fsynced {@code dedupe-*.keys.tmp}, not yet renamed. */
    SPILL_WRITTEN,
    /** The key file has its name and answers lookups; the base is not yet rewritten. */
    SPILLED,
    /** {@code inbox.base.tmp} is complete and fsynced, not yet renamed. */
    BASE_WRITTEN,
    /** The new base replaced the old one; the sealed segment still exists. */
    BASE_REPLACED,
    /** After the sealed segment is gone: a merge of two key files is complete and fsynced under a temporary name. */
    MERGE_WRITTEN,
    /** The merged file has its name; the two files it replaces are not yet deleted. */
    MERGE_RENAMED
  }

  CompactionSteps NONE = step -> {};

  void reached(Step step);
}
