package com.tradewind.knowledge;

import java.util.List;

/**
 * What one refresh of the index did.
 *
 * @param files supported files found in the folder
 * @param added files indexed for the first time
 * @param updated files whose passages changed
 * @param removed files gone from the folder (their passages deleted)
 * @param unchanged files left alone
 * @param skipped files that could not be read, with the reason
 * @param passages passages in the index afterwards
 * @param millis time taken
 */
public record RefreshReport(int files, int added, int updated, int removed, int unchanged, List<String> skipped,
    int passages, long millis) {

  public boolean changedAnything() {
    return added + updated + removed > 0;
  }

  public String summary() {
    return String.format("%d files: %d added, %d updated, %d removed, %d unchanged, %d skipped; %d passages in %d ms",
        files, added, updated, removed, unchanged, skipped.size(), passages, millis);
  }
}
