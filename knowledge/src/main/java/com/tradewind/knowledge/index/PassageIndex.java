package com.tradewind.knowledge.index;

import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import com.tradewind.knowledge.passage.Passage;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The on-disk passage index: one Lucene document per passage, replaced file by file. Readers
 * see changes after {@link #commit}; searches run on a {@link SearcherManager} so they never
 * wait for writers.
 */
public final class PassageIndex implements Closeable {

  private final Path directory;
  private final LanguageAnalyzers analyzers;
  private final FSDirectory fsDirectory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ConceptMarks marks;

  private PassageIndex(Path directory, LanguageAnalyzers analyzers, ConceptMarks marks, FSDirectory fsDirectory,
      IndexWriter writer) throws IOException {
    this.directory = directory;
    this.analyzers = analyzers;
    this.marks = marks;
    this.fsDirectory = fsDirectory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
    this.languages = indexedLanguages();
  }

  private volatile java.util.Set<String> languages;

  /** Languages that have at least one passage: queries need not look anywhere else. */
  public java.util.Set<String> languages() {
    return languages;
  }

  private java.util.Set<String> indexedLanguages() {
    return withSearcher(s -> {
      java.util.Set<String> found = new java.util.HashSet<>();
      for (String lang : LanguageAnalyzers.LANGUAGES) {
        try {
          if (s.collectionStatistics(PassageFields.body(lang)) != null) {
            found.add(lang);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return java.util.Set.copyOf(found);
    });
  }

  /**
   * Opens (or creates) the index in {@code directory}.
   *
   * @throws IndexOpenException LOCKED when another process writes it, CORRUPT when it cannot be
   *     read (the caller may {@link #delete} it and build anew), NOT_WRITABLE for file-system errors
   */
  public static PassageIndex open(Path directory, LanguageAnalyzers analyzers) throws IndexOpenException {
    return open(directory, analyzers, ConceptMarks.none());
  }

  /**
   * Opens (or creates) the index in {@code directory}, marking glossary concepts in the passages
   * written from now on. Passages already on disk keep the marks they were written with: the
   * caller rebuilds the index when {@link ConceptMarks#fingerprint} changed (the index signature
   * holds it).
   */
  public static PassageIndex open(Path directory, LanguageAnalyzers analyzers, ConceptMarks marks)
      throws IndexOpenException {
    try {
      Files.createDirectories(directory);
      if (!Files.isWritable(directory)) {
        throw new AccessDeniedException(directory.toString());
      }
    } catch (IOException e) {
      throw new IndexOpenException(IndexOpenException.Reason.NOT_WRITABLE,
          "the index directory " + directory + " cannot be created or written (" + e + "); choose a writable data folder", e);
    }
    FSDirectory fs = null;
    try {
      fs = FSDirectory.open(directory);
      IndexWriterConfig config = new IndexWriterConfig(marks.wrap(analyzers.perField()))
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(256);
      IndexWriter writer = new IndexWriter(fs, config);
      return new PassageIndex(directory, analyzers, marks, fs, writer);
    } catch (LockObtainFailedException e) {
      closeQuietly(fs);
      throw new IndexOpenException(IndexOpenException.Reason.LOCKED,
          "the index at " + directory + " is locked by another Tradewind process", e);
    } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
      closeQuietly(fs);
      throw new IndexOpenException(IndexOpenException.Reason.CORRUPT,
          "the index at " + directory + " is corrupt or of another version (" + e.getMessage() + ")", e);
    } catch (AccessDeniedException e) {
      closeQuietly(fs);
      throw new IndexOpenException(IndexOpenException.Reason.NOT_WRITABLE,
          "the index directory " + directory + " is not writable", e);
    } catch (IOException e) {
      closeQuietly(fs);
      // Truncated or missing segment files surface as plain IOExceptions (EOF, NoSuchFile).
      throw new IndexOpenException(IndexOpenException.Reason.CORRUPT,
          "the index at " + directory + " cannot be read (" + e + ")", e);
    }
  }

  /** Deletes an index directory, e.g. after it was found corrupt. */
  public static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  public Path directory() {
    return directory;
  }

  /** Replaces every passage of the document at {@code path} with {@code passages}. */
  public void replace(String path, List<Passage> passages) throws IOException {
    List<Document> docs = new ArrayList<>(passages.size());
    for (Passage passage : passages) {
      docs.add(toDocument(passage));
    }
    writer.updateDocuments(new Term(PassageFields.PATH, path), docs);
  }

  /** Adds passages without deleting anything first (bulk loads into an empty index). */
  public void add(List<Passage> passages) throws IOException {
    List<Document> docs = new ArrayList<>(passages.size());
    for (Passage passage : passages) {
      docs.add(toDocument(passage));
    }
    writer.addDocuments(docs);
  }

  public void remove(String path) throws IOException {
    writer.deleteDocuments(new Term(PassageFields.PATH, path));
  }

  public void removeAll() throws IOException {
    writer.deleteAll();
  }

  /** Makes all changes durable and visible to searches, recording {@code userData} with them. */
  public void commit(Map<String, String> userData) throws IOException {
    writer.setLiveCommitData(userData.entrySet());
    writer.commit();
    searchers.maybeRefreshBlocking();
    languages = indexedLanguages();
  }

  public int passageCount() {
    return withSearcher(s -> s.getIndexReader().numDocs());
  }

  /** Runs {@code work} on a current searcher and releases it afterwards. */
  public <T> T withSearcher(Function<IndexSearcher, T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LanguageAnalyzers analyzers() {
    return analyzers;
  }

  /** The concepts marked in passages written by this index (none when opened without a glossary). */
  public ConceptMarks conceptMarks() {
    return marks;
  }

  private Document toDocument(Passage passage) {
    String lang = LanguageAnalyzers.indexLanguage(passage.language());
    Document doc = new Document();
    doc.add(new StringField(PassageFields.ID, passage.id(), Field.Store.NO));
    doc.add(new StringField(PassageFields.PATH, passage.path(), Field.Store.NO));
    doc.add(new StringField(PassageFields.LANGUAGE, passage.language(), Field.Store.NO));
    doc.add(new BinaryDocValuesField(PassageFields.RECORD, PassageRecords.encode(passage)));
    // Matching runs on Simplified text so that either Chinese script finds the other.
    doc.add(new TextField(PassageFields.title(lang), matchText(passage.title()), Field.Store.NO));
    doc.add(new TextField(PassageFields.section(lang), matchText(passage.section()), Field.Store.NO));
    doc.add(new TextField(PassageFields.body(lang), matchText(passage.text()), Field.Store.NO));
    for (String other : FIELD_LANGUAGES) {
      if (!other.equals(lang)) {
        doc.add(empty(PassageFields.title(other)));
        doc.add(empty(PassageFields.section(other)));
        doc.add(empty(PassageFields.body(other)));
      }
    }
    return doc;
  }

  /** Every language a passage's searchable fields can be in, {@code xx} for the others. */
  private static final List<String> FIELD_LANGUAGES = java.util.stream.Stream.concat(
      LanguageAnalyzers.LANGUAGES.stream(), java.util.stream.Stream.of("xx")).sorted().toList();

  /**
   * A field without words. A passage gets one for each searchable field of the other languages,
   * so that every document has a length (norm) in every field: BM25 reads the length of each
   * document it scores, and a field only some documents have keeps its lengths sparse, behind an
   * index of who has one, whose look-up was a sixth of a search's CPU in a profile. An empty field
   * adds no term, so document counts, average lengths and scores are unchanged; the norms of a
   * field no passage uses are all 0 and take no space.
   */
  private static Field empty(String name) {
    return new Field(name, new org.apache.lucene.analysis.miscellaneous.EmptyTokenStream(), TextField.TYPE_NOT_STORED);
  }

  private static String matchText(String text) {
    return ChineseScriptFolder.toSimplified(text);
  }

  @Override
  public void close() throws IOException {
    searchers.close();
    writer.close();
    fsDirectory.close();
  }

  private static void closeQuietly(Closeable c) {
    try {
      if (c != null) {
        c.close();
      }
    } catch (IOException ignored) {
      // already failing with a clearer error
    }
  }
}
