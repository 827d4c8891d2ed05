package com.tradewind.knowledge.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Questions that ask how long, and texts that say how long (a number and a time unit), per
 * language, from {@code duration-words.txt}. Any number answered "how many" questions well
 * enough, but "how long does arbitration take?" was answered with a passage about the
 * arbitration rate limit of 0.5%.
 */
final class Durations {

  private final Map<String, List<String>> asks = new HashMap<>();
  private final Map<String, Pattern> mentions = new HashMap<>();

  Durations() {
    Map<String, List<String>> units = new HashMap<>();
    for (String[] parts : TabularResource.read("duration-words.txt")) {
      if (parts[0].equals("ask")) {
        asks.put(parts[1], List.of(parts[2].split("\\|")));
      } else {
        units.put(parts[1], List.of(parts[2].split(" ")));
      }
    }
    units.forEach((lang, words) -> {
      List<String> quoted = new ArrayList<>();
      words.stream().sorted((a, b) -> b.length() - a.length()).forEach(w -> quoted.add(Pattern.quote(w)));
      // "7 days", "2-7 Tage", "3～5个工作日", "24小时"; a CJK unit may follow 个 and needs no word end
      String end = Glossary.isCharacterLanguage(lang) ? "" : "(?![\\p{L}\\p{M}])";
      mentions.put(lang, Pattern.compile("\\d+(?:[.,]\\d+)?(?:\\s*[-–~～至到]\\s*\\d+)?\\s*个?\\s*(?:"
          + String.join("|", quoted) + ")" + end, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    });
  }

  /** The question asks how long, or when. */
  boolean asked(String lang, String foldedQuestion) {
    return QuestionWords.holdsPhrase(lang, foldedQuestion, asks.getOrDefault(lang, List.of()));
  }

  /** The text states a duration: a number followed by a time unit of its language. */
  boolean mentioned(String text, String textLanguage) {
    Pattern pattern = mentions.get(textLanguage);
    return pattern != null && pattern.matcher(text).find();
  }
}
