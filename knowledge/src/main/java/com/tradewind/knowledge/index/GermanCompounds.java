package com.tradewind.knowledge.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.danielnaber.jwordsplitter.AbstractWordSplitter;
import de.danielnaber.jwordsplitter.GermanWordSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of German compound words, from jWordSplitter's dictionary: "käuferschutzfrist" is
 * "käufer", "schutz", "frist". Questions and passages name the same thing with different
 * compounds (Käuferschutz / Käuferschutzfrist, Zoll / Zollabfertigung), and a word is only a
 * term if the whole compound matches, so the parts are what lets them meet.
 *
 * <p>The dictionary is loaded when German is first analysed (about 90 ms, a few MB), not at
 * start-up. Splitting a word costs 5–150 µs and German vocabulary repeats, so results are
 * remembered.
 */
final class GermanCompounds {

  /** Two parts of at least four letters each. */
  static final int MIN_LENGTH = 8;
  /**
   * Longer letter runs are not words but noise (a pasted hash, a URL slug), and the splitter
   * tries every cut of a word recursively.
   */
  static final int MAX_LENGTH = 40;

  private static final class Holder {
    static final AbstractWordSplitter SPLITTER = load();
  }

  private final Cache<String, List<String>> parts = Caffeine.newBuilder().maximumSize(100_000).build();

  /** The parts of a lower-case word, or an empty list when it is not a compound the dictionary knows. */
  List<String> parts(String word) {
    if (word.length() < MIN_LENGTH || word.length() > MAX_LENGTH || !letters(word)) {
      return List.of();
    }
    return parts.get(word, GermanCompounds::split);
  }

  private static List<String> split(String word) {
    List<String> split = Holder.SPLITTER.splitWord(word);
    if (split.size() < 2) {
      return List.of();
    }
    List<String> distinct = new ArrayList<>(split.size());
    for (String part : split) {
      String p = part.toLowerCase(java.util.Locale.ROOT);
      if (!p.isEmpty() && !p.equals(word) && !distinct.contains(p)) {
        distinct.add(p);
      }
    }
    return List.copyOf(distinct);
  }

  private static boolean letters(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (!Character.isLetter(word.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static AbstractWordSplitter load() {
    try {
      // parts without their linking "s" ("sendungs" + "nummer" → "sendung", "nummer"), so
      // that a part is the same word as the noun standing alone
      return new GermanWordSplitter(true);
    } catch (IOException e) {
      throw new UncheckedIOException("jWordSplitter's German dictionary could not be read from its jar", e);
    }
  }
}
