package com.tradewind.knowledge.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether a text negates, per language (see {@code negation-words.txt}). Analysis drops
 * negations as stop words, so a glossary term such as "cannot be returned" would otherwise be
 * recognised in "can it be returned?"; a term that negates is recognised only in a text that
 * negates too.
 */
final class Negations {

  private static final Map<String, Pattern> BY_LANGUAGE = load();

  private Negations() {}

  static boolean negates(String text, String lang) {
    Pattern pattern = BY_LANGUAGE.get(lang);
    return pattern != null && pattern.matcher(text.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).find();
  }

  private static Map<String, Pattern> load() {
    Map<String, Pattern> patterns = new HashMap<>();
    for (String[] parts : TabularResource.read("negation-words.txt")) {
      List<String> alternatives = new ArrayList<>();
      for (String word : parts[1].split(" ")) {
        if (!word.isBlank()) {
          // a whole word, or a prefix for elided forms ("n'" in "n'est")
          alternatives.add(Pattern.quote(word) + (word.endsWith("'") ? "" : "(?![\\p{L}\\p{M}'])"));
        }
      }
      patterns.put(parts[0], Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + String.join("|", alternatives) + ")"));
    }
    return Map.copyOf(patterns);
  }
}
