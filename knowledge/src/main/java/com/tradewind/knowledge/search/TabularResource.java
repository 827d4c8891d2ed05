package com.tradewind.knowledge.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists shipped in this package (question words, quantity, duration and negation words):
 * UTF-8 text, one record a line, fields separated by tabs, blank lines and {@code #} comments
 * skipped. They are part of the jar, so a missing one is a build error, not a user's.
 */
final class TabularResource {

  private TabularResource() {}

  static List<String[]> read(String name) {
    List<String[]> rows = new ArrayList<>();
    try (var in = TabularResource.class.getResourceAsStream(name);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(line.split("\t"));
        }
      }
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException(name + " is part of the jar", e));
    }
    return rows;
  }
}
