package com.tradewind.knowledge.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the index holds, file by file: the content hash that decides whether a file changed, and
 * a hash of the passages it produced, which decides whether the index must be touched.
 *
 * @param signature schema and analysis settings; a different signature means a full rebuild
 * @param files indexed or skipped files by relative path
 */
public record Manifest(String signature, Map<String, Entry> files) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One file.
   *
   * @param skipped why the file is not indexed, or null when it is
   */
  public record Entry(String sha256, long size, long lastModified, String passagesHash, int passages,
      String skipped) {}

  public static Manifest empty(String signature) {
    return new Manifest(signature, new TreeMap<>());
  }

  public static Manifest load(Path file, String signature) {
    try {
      if (Files.exists(file)) {
        Manifest m = JSON.readValue(file.toFile(), Manifest.class);
        if (m.files() != null) {
          return new Manifest(m.signature(), new TreeMap<>(m.files()));
        }
      }
    } catch (IOException e) {
      // A damaged manifest only costs a re-index.
    }
    return empty(signature);
  }

  /** Writes atomically, so a crash leaves the previous manifest rather than half a file. */
  public void save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), this);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
