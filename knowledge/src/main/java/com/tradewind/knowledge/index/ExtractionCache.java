package com.tradewind.knowledge.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradewind.knowledge.ingest.ExtractedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Extracted text of every indexed file, by content hash. Boilerplate is judged across the whole
 * corpus, so a change to one file needs the text of all the others; this cache spares parsing
 * the unchanged ones (PDF and DOCX parsing dominates ingestion time).
 */
public final class ExtractionCache {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path directory;

  public ExtractionCache(Path directory) {
    this.directory = directory;
  }

  public ExtractedDocument get(String sha256, String path) {
    Path file = directory.resolve(sha256 + ".json");
    try {
      if (Files.exists(file)) {
        ExtractedDocument doc = JSON.readValue(file.toFile(), ExtractedDocument.class);
        // The same bytes may live under another name; the citation path is the current one.
        return new ExtractedDocument(path, doc.title(), doc.blocks());
      }
    } catch (IOException e) {
      // unreadable cache entry: extract again
    }
    return null;
  }

  public void put(String sha256, ExtractedDocument doc) throws IOException {
    Files.createDirectories(directory);
    Path tmp = directory.resolve(sha256 + ".json.tmp");
    JSON.writeValue(tmp.toFile(), doc);
    Files.move(tmp, directory.resolve(sha256 + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes entries of files no longer in the corpus. */
  public void retainOnly(Set<String> sha256s) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        String sha = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (!sha256s.contains(sha)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }
}
