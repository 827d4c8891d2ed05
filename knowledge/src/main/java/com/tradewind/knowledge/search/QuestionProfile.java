package com.tradewind.knowledge.search;

import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import com.tradewind.knowledge.passage.SentenceSplitter;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A question reduced to what a passage must contain to answer it: topic tokens with IDF
 * weights, some of them covered by glossary concepts that may be found in any language.
 */
final class QuestionProfile {

  private final String language;
  private final Map<String, Double> weights;
  private final List<Glossary.Match> concepts;
  private final TermAnalysis analysis;
  private final boolean asksQuantity;
  /** Null when the question does not ask how long. */
  private final Durations durations;

  QuestionProfile(String language, Map<String, Double> weights, List<Glossary.Match> concepts, TermAnalysis analysis,
      boolean asksQuantity, Durations durations) {
    this.language = language;
    this.weights = weights;
    this.concepts = concepts;
    this.analysis = analysis;
    this.asksQuantity = asksQuantity;
    this.durations = durations;
  }

  /** Rank added by a duration next to the question's topic, to a passage that answers "how long". */
  private static final double PASSAGE_DURATION = 0.35;
  /** Rank added by any number, to a passage that answers "how many" or "how much". */
  private static final double PASSAGE_NUMBER = 0.1;
  /** Score added to an answer sentence with the number asked for (a duration for "how long"). */
  private static final double SENTENCE_NUMBER = 0.35;
  /** Score added to an answer sentence with some other number, when a duration is asked for. */
  private static final double SENTENCE_OTHER_NUMBER = 0.1;

  /**
   * What a passage's numbers add to its rank: a question that asks how long wants a duration
   * ("7 working days"), not any number ("limit 0.5%"); one that asks how many or how much, any number.
   */
  double passageNumberBonus(String text, String textLanguage) {
    if (durations != null) {
      // next to a word of the question, in its sentence or in the question just before it (a FAQ
      // line asks, the next sentence answers): "confirm receipt within 7 days" is a duration, but
      // not of the arbitration asked about
      if (durations.mentioned(text, textLanguage)) {
        List<String> sentences = SentenceSplitter.split(text);
        for (int i = 0; i < sentences.size(); i++) {
          if (durations.mentioned(sentences.get(i), textLanguage) && (measure(sentences.get(i), textLanguage)[1] >= 1
              || i > 0 && isQuestion(sentences.get(i - 1)) && measure(sentences.get(i - 1), textLanguage)[1] >= 1)) {
            return PASSAGE_DURATION;
          }
        }
      }
      return 0;
    }
    return asksQuantity && hasDigit(text) ? PASSAGE_NUMBER : 0;
  }

  /** The same for a sentence of the answer. */
  double sentenceNumberBonus(String sentence, String textLanguage) {
    if (durations != null) {
      return durations.mentioned(sentence, textLanguage) ? SENTENCE_NUMBER : hasDigit(sentence) ? SENTENCE_OTHER_NUMBER : 0;
    }
    return asksQuantity && hasDigit(sentence) ? SENTENCE_NUMBER : 0;
  }

  private static boolean isQuestion(String sentence) {
    return sentence.indexOf('?') >= 0 || sentence.indexOf('？') >= 0;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The question asks how long, how many, how much: its answer has a number in it. */
  boolean asksQuantity() {
    return asksQuantity;
  }

  boolean isEmpty() {
    return weights.isEmpty();
  }

  /** Share of the question's weight that {@code text} (written in {@code textLanguage}) contains. */
  double coverage(String text, String textLanguage) {
    return measure(text, textLanguage)[0];
  }

  /**
   * Whether {@code text} can answer at all: a question with two or more topic words must find
   * at least two of them ("capital of Peru" is not answered by a passage about registered
   * capital).
   */
  boolean enoughTopicWords(String text, String textLanguage) {
    return weights.size() < 2 || measure(text, textLanguage)[1] >= 2;
  }

  /** {coverage, number of topic tokens found}. */
  private double[] measure(String text, String textLanguage) {
    if (weights.isEmpty()) {
      return new double[] {0, 0};
    }
    String folded = ChineseScriptFolder.toSimplified(text).toLowerCase(Locale.ROOT);
    List<String> textTokens = analysis.coverageTokens(text, textLanguage);
    Set<String> tokenSet = new java.util.HashSet<>(textTokens);
    double total = 0;
    double matched = 0;
    int found = 0;
    int[] textNegates = {-1};
    for (var entry : weights.entrySet()) {
      total += entry.getValue();
      String token = entry.getKey();
      if ((textLanguage.equals(language) && tokenSet.contains(token))
          || coveredByConcept(token, folded, textTokens, textLanguage, textNegates)) {
        matched += entry.getValue();
        found++;
      }
    }
    return new double[] {total == 0 ? 0 : matched / total, found};
  }

  /** @param textNegates whether the text negates, worked out at the first negating term: {unknown = -1, no, yes} */
  private boolean coveredByConcept(String token, String foldedText, List<String> textTokens, String textLanguage,
      int[] textNegates) {
    for (Glossary.Match match : concepts) {
      if (!match.coveredTokens().contains(token)) {
        continue;
      }
      for (String term : match.concept().terms(textLanguage)) {
        if (Glossary.isCharacterLanguage(textLanguage)) {
          if (foldedText.contains(term.toLowerCase(Locale.ROOT))) {
            return true;
          }
        } else {
          if (Glossary.negates(term, textLanguage)) {
            if (textNegates[0] < 0) {
              textNegates[0] = Negations.negates(foldedText, textLanguage) ? 1 : 0;
            }
            if (textNegates[0] == 0) {
              continue; // "cannot be returned" is not covered by "how to return an item"
            }
          }
          List<String> termTokens = analysis.termTokens(term, textLanguage);
          if (!termTokens.isEmpty() && Collections.indexOfSubList(textTokens, termTokens) >= 0) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
