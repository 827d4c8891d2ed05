package com.tradewind.knowledge.watch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.TestSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits in the knowledge folder, including new sub-folders, reach the index without a restart. */
class FolderWatcherTest {

  @Test
  void newAndEditedFilesAreIndexedAfterAQuietMoment(@TempDir Path root) throws Exception {
    Path docs = root.resolve("kb");
    TestSupport.write(docs, "a.md", "# Returns\n\nReturns are accepted within 15 days of delivery.\n");
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeOptions.of(docs, root.resolve("data"), null), TestSupport.detector())) {
      kb.refresh();
      Semaphore refreshed = new Semaphore(0);
      AtomicInteger calls = new AtomicInteger();
      try (FolderWatcher watcher = new FolderWatcher(docs, 300, () -> {
        calls.incrementAndGet();
        try {
          kb.refresh();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        refreshed.release();
      }).start()) {
        // several files at once, one in a folder created after the watcher started
        TestSupport.write(docs, "new/zebra.md", "# Zebra parcels\n\nZebra parcels must be declared within 9 days.\n");
        TestSupport.write(docs, "new/b.md", "# Refunds\n\nCard refunds take 3-20 working days.\n");
        assertTrue(refreshed.tryAcquire(15, TimeUnit.SECONDS), "no refresh after adding files");
        if (kb.search("zebra parcels declared", "en", 3).stream().noneMatch(h -> h.path().equals("new/zebra.md"))) {
          assertTrue(refreshed.tryAcquire(15, TimeUnit.SECONDS), "second refresh for the new folder's files");
        }
        assertTrue(kb.search("zebra parcels declared", "en", 3).stream().anyMatch(h -> h.path().equals("new/zebra.md")));
        Files.writeString(docs.resolve("a.md"), "# Returns\n\nReturns are accepted within 30 days of delivery.\n");
        assertTrue(refreshed.tryAcquire(15, TimeUnit.SECONDS), "no refresh after an edit");
        assertTrue(kb.search("returns accepted delivery", "en", 1).get(0).text().contains("30 days"));
        assertTrue(calls.get() <= 4, "changes are batched, not one refresh per event: " + calls.get());
      }
    }
  }
}
