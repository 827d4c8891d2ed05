package com.tradewind.knowledge.search;

import java.util.List;

/**
 * The knowledge base's reply to a question.
 *
 * @param text the extracted sentences, or null when no passage answers the question well enough
 * @param language the question's language (ISO 639-1)
 * @param answerLanguage the language the answer text is written in (that of its passage)
 * @param confidence how much of the question the best passage covers, 0..1
 * @param sources the passages the answer came from, best first (also given without an answer)
 */
public record Answer(String text, String language, String answerLanguage, double confidence, List<SearchHit> sources) {

  public boolean answered() {
    return text != null;
  }
}
