package com.tradewind.knowledge;

import com.tradewind.knowledge.lang.LanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared by tests: the language models take seconds to load, so one detector serves all. */
public final class TestSupport {

  private static LanguageDetector detector;

  private TestSupport() {}

  public static synchronized LanguageDetector detector() {
    if (detector == null) {
      detector = new LanguageDetector();
    }
    return detector;
  }

  public static Path write(Path dir, String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String resource(String name) {
    try (var in = TestSupport.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
