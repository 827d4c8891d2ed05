package com.tradewind.knowledge;

import com.tradewind.knowledge.index.ConceptMarks;
import com.tradewind.knowledge.index.IndexOpenException;
import com.tradewind.knowledge.index.LanguageAnalyzers;
import com.tradewind.knowledge.index.PassageIndex;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.lang.PassageLanguages;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.Glossary;
import com.tradewind.knowledge.search.KnowledgeSearcher;
import com.tradewind.knowledge.search.SearchHit;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge base: opens (or repairs) the index under the data dir, keeps it in line with the
 * knowledge folder, and answers questions. All methods block on disk work: call them from
 * worker threads, never from an event loop.
 */
public final class KnowledgeBase implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeBase.class);
  /** Bump when the index schema or passage rules change: existing indexes are rebuilt. */
  private static final String SCHEMA_VERSION = "6";

  private final KnowledgeOptions options;
  private final PassageIndex index;
  private final KnowledgeIndexer indexer;
  private final KnowledgeSearcher searcher;
  private final Glossary glossary;
  private final String notice;

  private KnowledgeBase(KnowledgeOptions options, PassageIndex index, LanguageDetector detector, Glossary glossary,
      String notice) {
    this.options = options;
    this.index = index;
    this.glossary = glossary;
    this.notice = notice;
    // The concept marks are part of the schema: another glossary means other marks, so a rebuild.
    String signature = "schema=" + SCHEMA_VERSION + ";zh=" + options.chineseAnalysis() + ";concepts="
        + index.conceptMarks().fingerprint();
    this.indexer = new KnowledgeIndexer(options, index, new PassageLanguages(detector), signature,
        index.directory().resolveSibling(index.directory().getFileName() + ".manifest.json"));
    this.searcher = new KnowledgeSearcher(index, glossary, detector, options.search());
  }

  /**
   * Opens the index. A corrupt index is deleted and rebuilt on the next {@link #refresh}; an
   * index locked by another process is left alone and a private one is built next to it.
   */
  public static KnowledgeBase open(KnowledgeOptions options, LanguageDetector detector) throws IOException {
    Glossary glossary = options.glossaryFile() != null && Files.exists(options.glossaryFile())
        ? Glossary.load(options.glossaryFile())
        : Glossary.empty();
    LanguageAnalyzers analyzers = new LanguageAnalyzers(options.chineseAnalysis());
    ConceptMarks marks = KnowledgeSearcher.conceptMarks(glossary, analyzers);
    Path dir = options.dataDir().resolve("index");
    try {
      return new KnowledgeBase(options, PassageIndex.open(dir, analyzers, marks), detector, glossary, null);
    } catch (IndexOpenException e) {
      switch (e.reason()) {
        case CORRUPT -> {
          String message = e.getMessage() + "; rebuilding it from " + options.knowledgeDir();
          LOG.warn(message);
          PassageIndex.delete(dir);
          Files.deleteIfExists(dir.resolveSibling("index.manifest.json"));
          return new KnowledgeBase(options, openOrFail(dir, analyzers, marks), detector, glossary, message);
        }
        case LOCKED -> {
          Path privateDir = options.dataDir().resolve("index-" + ProcessHandle.current().pid());
          String message = e.getMessage() + "; building a private index in " + privateDir;
          LOG.warn(message);
          PassageIndex.delete(privateDir);
          Files.deleteIfExists(privateDir.resolveSibling(privateDir.getFileName() + ".manifest.json"));
          return new KnowledgeBase(options, openOrFail(privateDir, analyzers, marks), detector, glossary, message);
        }
        default -> throw new IOException(e.getMessage(), e);
      }
    }
  }

  private static PassageIndex openOrFail(Path dir, LanguageAnalyzers analyzers, ConceptMarks marks) throws IOException {
    try {
      return PassageIndex.open(dir, analyzers, marks);
    } catch (IndexOpenException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** Indexes new and changed files and drops removed ones. Safe to call concurrently. */
  public synchronized RefreshReport refresh() throws IOException {
    return indexer.refresh();
  }

  public List<SearchHit> search(String question, String languageHint, int k) {
    return searcher.search(question, languageHint, k);
  }

  public Answer ask(String question, String languageHint) {
    return searcher.ask(question, languageHint);
  }

  public int passageCount() {
    return index.passageCount();
  }

  public KnowledgeOptions options() {
    return options;
  }

  /** What went wrong when opening (a rebuild or a private index), or null. */
  public String openingNotice() {
    return notice;
  }

  /** A private index built because the shared one was locked is removed on close. */
  @Override
  public void close() throws IOException {
    index.close();
    if (index.directory().getFileName().toString().startsWith("index-")) {
      PassageIndex.delete(index.directory());
      Files.deleteIfExists(index.directory().resolveSibling(index.directory().getFileName() + ".manifest.json"));
    }
  }
}
