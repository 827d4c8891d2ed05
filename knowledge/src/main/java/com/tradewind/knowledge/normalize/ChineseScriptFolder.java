package com.tradewind.knowledge.normalize;

import com.ibm.icu.text.Transliterator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Folds Traditional Chinese to Simplified as ICU's Traditional-Simplified transliterator does,
 * so that either script matches the other. Only the matching text is folded; passages keep their
 * original script for display.
 *
 * <p>ICU's rules map character by character, and running the rule engine over every passage
 * dominated indexing time; building the transliterator alone takes about half a second, which
 * was on the way to readiness (the glossary is folded when it loads). So the character mapping
 * is read from {@code traditional-simplified.txt}, generated from ICU and checked against it by
 * {@code ChineseScriptTableTest}; ICU itself is loaded only for the few characters it maps to
 * more than one char.
 */
public final class ChineseScriptFolder {

  private static final String TABLE = "traditional-simplified.txt";
  // Transliterator instances are not safe for concurrent use; building one is costly, so one per thread.
  private static final ThreadLocal<Transliterator> T2S =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
  /** BMP mapping from the table: 0 = the character stays as it is. */
  private static final char[] SIMPLE = loadTable();
  private static final char MULTI = '\uFFFF';

  private ChineseScriptFolder() {}

  public static String toSimplified(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char mapped = SIMPLE[c];
      if (mapped == 0) {
        if (out != null) {
          out.append(c);
        }
        continue;
      }
      if (mapped == MULTI) {
        return T2S.get().transliterate(text); // a mapping we cannot hold char by char: let ICU do all
      }
      if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      out.append(mapped);
    }
    return out == null ? text : out.toString();
  }

  /** True when folding changes the text, i.e. it is written (at least partly) in Traditional. */
  public static boolean isTraditional(String text) {
    return !toSimplified(text).equals(text);
  }

  private static char[] loadTable() {
    char[] table = new char[0x10000];
    try (var in = ChineseScriptFolder.class.getResourceAsStream(TABLE);
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        // "繁<TAB>繁's simplified form", or "<TAB>*" for a mapping to more than one char
        table[line.charAt(0)] = line.charAt(2) == '*' ? MULTI : line.charAt(2);
      }
    } catch (IOException | NullPointerException e) {
      throw new UncheckedIOException(new IOException(TABLE + " is part of the jar", e));
    }
    return table;
  }
}
