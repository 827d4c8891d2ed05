package com.tradewind.knowledge.ingest;

import java.nio.file.Path;

/**
 * A candidate file in the knowledge folder.
 *
 * @param relativePath the citation key, '/'-separated, relative to the knowledge folder
 * @param file the absolute file
 * @param size bytes on disk
 * @param lastModified modification time in epoch milliseconds
 */
public record SourceFile(String relativePath, Path file, long size, long lastModified) {

  public String extension() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
