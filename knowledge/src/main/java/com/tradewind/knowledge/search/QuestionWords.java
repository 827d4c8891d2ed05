package com.tradewind.knowledge.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interrogatives and function words per language, analyzed like the index, so that coverage of
 * a question is judged on its topic words only.
 */
final class QuestionWords {

  private static final java.util.regex.Pattern PUNCTUATION_AND_SPACE = java.util.regex.Pattern.compile("[\\p{P}\\s]+");

  private final TermAnalysis analysis;
  /** The words as listed, per language; analyzed the first time a language is asked about. */
  private final Map<String, List<String>> wordsByLanguage = new HashMap<>();
  private final Map<String, Set<String>> tokensByLanguage = new ConcurrentHashMap<>();
  private final Map<String, java.util.List<String>> quantityPhrases = new HashMap<>();

  QuestionWords(TermAnalysis analysis) {
    this.analysis = analysis;
    for (String[] parts : TabularResource.read("question-words.txt")) {
      List<String> words = wordsByLanguage.computeIfAbsent(parts[0], l -> new ArrayList<>());
      for (int i = 1; i < parts.length; i++) {
        for (String word : parts[i].split(" ")) {
          if (!word.isBlank()) {
            words.add(word);
          }
        }
      }
    }
    for (String[] parts : TabularResource.read("quantity-words.txt")) {
      quantityPhrases.put(parts[0], java.util.List.of(parts[1].split("\\|")));
    }
  }

  /** True when the question asks how long, how many, how much, when, or for a limit. */
  boolean asksQuantity(String lang, String foldedQuestion) {
    return holdsPhrase(lang, foldedQuestion, quantityPhrases.getOrDefault(lang, java.util.List.of()));
  }

  /** Whether a question holds one of the phrases: as a substring in CJK, as whole words elsewhere. */
  static boolean holdsPhrase(String lang, String foldedQuestion, List<String> phrases) {
    String q = " " + PUNCTUATION_AND_SPACE.matcher(foldedQuestion.toLowerCase(java.util.Locale.ROOT)).replaceAll(" ") + " ";
    boolean characters = Glossary.isCharacterLanguage(lang);
    for (String phrase : phrases) {
      if (characters ? q.contains(phrase) : q.contains(" " + phrase + " ")) {
        return true;
      }
    }
    return false;
  }

  boolean contains(String lang, String token) {
    Set<String> tokens = tokensByLanguage.get(lang);
    if (tokens == null) {
      // Analyzing every language's list up front built all eleven analyzers while the index
      // opened, on the way to readiness; a language's list is analyzed at its first question.
      List<String> words = wordsByLanguage.get(lang);
      if (words == null) {
        return false;
      }
      tokens = tokensByLanguage.computeIfAbsent(lang, l -> analyzed(l, words));
    }
    return tokens.contains(token);
  }

  private Set<String> analyzed(String lang, List<String> words) {
    Set<String> tokens = new HashSet<>(words);
    for (String word : words) {
      tokens.addAll(analysis.tokens(word, lang));
    }
    return Set.copyOf(tokens);
  }
}
