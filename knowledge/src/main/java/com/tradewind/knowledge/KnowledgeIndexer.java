package com.tradewind.knowledge;

import com.tradewind.knowledge.index.ExtractionCache;
import com.tradewind.knowledge.index.Manifest;
import com.tradewind.knowledge.index.PassageIndex;
import com.tradewind.knowledge.ingest.DocumentException;
import com.tradewind.knowledge.ingest.DocumentReader;
import com.tradewind.knowledge.ingest.ExtractedDocument;
import com.tradewind.knowledge.ingest.SourceFile;
import com.tradewind.knowledge.lang.PassageLanguages;
import com.tradewind.knowledge.normalize.DocumentNormalizer;
import com.tradewind.knowledge.normalize.NormalizedDocument;
import com.tradewind.knowledge.passage.Passage;
import com.tradewind.knowledge.passage.PassageChunker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the index in line with the knowledge folder. Unchanged files (same size and time, or
 * same content hash) cost nothing when nothing changed; when something did, every document is
 * normalized again from the extraction cache (boilerplate is a corpus-wide judgement) but only
 * documents whose passages differ are written to the index.
 */
final class KnowledgeIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeIndexer.class);

  private final KnowledgeOptions options;
  private final PassageIndex index;
  private final DocumentReader reader;
  private final ExtractionCache cache;
  private final PassageLanguages languages;
  private final String signature;
  private final Path manifestFile;

  KnowledgeIndexer(KnowledgeOptions options, PassageIndex index, PassageLanguages languages, String signature,
      Path manifestFile) {
    this.options = options;
    this.index = index;
    this.reader = new DocumentReader(options.maxFileBytes());
    this.cache = new ExtractionCache(options.dataDir().resolve("extracted"));
    this.languages = languages;
    this.signature = signature;
    this.manifestFile = manifestFile;
  }

  RefreshReport refresh() throws IOException {
    long start = System.nanoTime();
    Manifest old = Manifest.load(manifestFile, signature);
    boolean rebuild = !signature.equals(old.signature()) || index.passageCount() == 0 && hasIndexed(old);
    if (rebuild) {
      index.removeAll();
      old = Manifest.empty(signature);
    }
    List<SourceFile> files = reader.list(options.knowledgeDir());
    Map<String, Manifest.Entry> entries = new TreeMap<>();
    Map<String, byte[]> changedBytes = new HashMap<>();
    List<String> skipped = new ArrayList<>();
    for (SourceFile file : files) {
      Manifest.Entry previous = old.files().get(file.relativePath());
      if (previous != null && previous.size() == file.size() && previous.lastModified() == file.lastModified()) {
        entries.put(file.relativePath(), previous);
        continue;
      }
      byte[] bytes;
      try {
        bytes = reader.bytes(file);
      } catch (DocumentException e) {
        skip(file, e, entries, skipped, null);
        continue;
      }
      String sha = sha256(bytes);
      if (previous != null && previous.sha256().equals(sha)) {
        entries.put(file.relativePath(), new Manifest.Entry(sha, file.size(), file.lastModified(),
            previous.passagesHash(), previous.passages(), previous.skipped()));
      } else {
        entries.put(file.relativePath(), new Manifest.Entry(sha, file.size(), file.lastModified(), null, 0, null));
        changedBytes.put(file.relativePath(), bytes);
      }
    }
    Set<String> removed = new HashSet<>(old.files().keySet());
    removed.removeAll(entries.keySet());
    for (var e : entries.entrySet()) {
      if (e.getValue().skipped() != null && !changedBytes.containsKey(e.getKey())) {
        skipped.add(e.getKey() + ": " + e.getValue().skipped());
      }
    }
    if (changedBytes.isEmpty() && removed.isEmpty()) {
      if (!entries.equals(old.files())) {
        new Manifest(signature, entries).save(manifestFile);
      }
      return new RefreshReport(files.size(), 0, 0, 0, files.size(), skipped, index.passageCount(), millisSince(start));
    }
    List<ExtractedDocument> corpus = new ArrayList<>();
    Map<String, SourceFile> byPath = new HashMap<>();
    files.forEach(f -> byPath.put(f.relativePath(), f));
    for (var e : entries.entrySet()) {
      if (e.getValue().skipped() != null && !changedBytes.containsKey(e.getKey())) {
        continue;
      }
      ExtractedDocument doc = extract(byPath.get(e.getKey()), e.getValue(), changedBytes.get(e.getKey()), entries, skipped);
      if (doc != null) {
        corpus.add(doc);
      }
    }
    int added = 0, updated = 0, unchanged = 0;
    DocumentNormalizer normalizer = new DocumentNormalizer();
    PassageChunker chunker = new PassageChunker();
    for (NormalizedDocument doc : normalizer.normalize(corpus)) {
      List<Passage> passages = languages.assign(doc, chunker.chunk(doc));
      String hash = passagesHash(passages);
      Manifest.Entry entry = entries.get(doc.path());
      Manifest.Entry previous = old.files().get(doc.path());
      if (previous != null && hash.equals(previous.passagesHash())) {
        unchanged++;
      } else {
        index.replace(doc.path(), passages);
        if (previous == null || previous.passagesHash() == null) {
          added++;
        } else {
          updated++;
        }
      }
      entries.put(doc.path(), new Manifest.Entry(entry.sha256(), entry.size(), entry.lastModified(), hash,
          passages.size(), null));
    }
    for (String path : removed) {
      index.remove(path);
    }
    for (var e : entries.entrySet()) {
      Manifest.Entry previous = old.files().get(e.getKey());
      if (e.getValue().skipped() != null && previous != null && previous.skipped() == null) {
        index.remove(e.getKey()); // indexed before, unreadable now
      }
    }
    index.commit(Map.of("signature", signature));
    new Manifest(signature, entries).save(manifestFile);
    Set<String> live = new HashSet<>();
    entries.values().forEach(e -> live.add(e.sha256()));
    cache.retainOnly(live);
    return new RefreshReport(files.size(), added, updated, removed.size(), unchanged, skipped, index.passageCount(),
        millisSince(start));
  }

  private ExtractedDocument extract(SourceFile file, Manifest.Entry entry, byte[] bytes, Map<String, Manifest.Entry> entries,
      List<String> skipped) {
    ExtractedDocument cached = bytes == null ? cache.get(entry.sha256(), file.relativePath()) : null;
    if (cached != null) {
      return cached;
    }
    try {
      byte[] content = bytes != null ? bytes : reader.bytes(file);
      ExtractedDocument doc = reader.extract(file, content);
      cache.put(entry.sha256(), doc);
      return doc;
    } catch (DocumentException e) {
      skip(file, e, entries, skipped, entry.sha256());
      return null;
    } catch (IOException e) {
      LOG.warn("cannot cache extracted text of {}: {}", file.relativePath(), e.getMessage());
      return null;
    }
  }

  private static void skip(SourceFile file, DocumentException e, Map<String, Manifest.Entry> entries, List<String> skipped,
      String sha) {
    LOG.warn("{}", e.getMessage());
    skipped.add(e.getMessage());
    entries.put(file.relativePath(), new Manifest.Entry(sha == null ? "" : sha, file.size(), file.lastModified(), null, 0,
        e.reason() + ": " + e.getMessage()));
  }

  private static boolean hasIndexed(Manifest manifest) {
    return manifest.files().values().stream().anyMatch(e -> e.skipped() == null && e.passages() > 0);
  }

  private static String passagesHash(List<Passage> passages) {
    StringBuilder all = new StringBuilder();
    for (Passage p : passages) {
      all.append(p.id()).append('\u0001').append(p.title()).append('\u0001').append(p.language()).append('\u0002');
    }
    return sha256(all.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
