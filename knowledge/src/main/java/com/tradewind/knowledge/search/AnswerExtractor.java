package com.tradewind.knowledge.search;

import com.tradewind.knowledge.normalize.Scripts;
import com.tradewind.knowledge.passage.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the sentences of the best passage that answer a question: each sentence is scored by
 * how much of the question it covers (directly or through the glossary), with a bonus for
 * sentences holding a number when the question asks for a quantity; the best sentence plus up to
 * two strong others form the answer, in reading order. Only the passage that passed the
 * relevance gate is used, so the answer and its first citation always agree.
 */
final class AnswerExtractor {

  private static final int MAX_ANSWER_CHARS = 700;
  private static final double NUMBER_BONUS = 0.35;
  private final int maxSentences;

  AnswerExtractor(int maxSentences) {
    this.maxSentences = maxSentences;
  }

  String extract(QuestionProfile profile, SearchHit best) {
    record Scored(int position, String sentence, double score) {}
    List<String> sentences = SentenceSplitter.split(best.text());
    if (sentences.isEmpty()) {
      return best.snippet();
    }
    List<Scored> all = new ArrayList<>();
    for (int s = 0; s < sentences.size(); s++) {
      String sentence = sentences.get(s);
      double score = profile.coverage(sentence, best.language());
      if (profile.asksQuantity() && sentence.chars().anyMatch(Character::isDigit)) {
        score += NUMBER_BONUS;
      }
      all.add(new Scored(s, sentence, score));
    }
    Scored top = all.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    List<Scored> chosen = new ArrayList<>();
    chosen.add(top);
    all.stream()
        .filter(s -> s != top && s.score() >= top.score() * 0.6 && s.score() > 0)
        .sorted(Comparator.comparingDouble(Scored::score).reversed())
        .limit(maxSentences - 1L)
        .forEach(chosen::add);
    if (chosen.size() == 1 && top.sentence().length() < 40) {
      // a very short best sentence ("Arbitration:") needs the one after it to make sense
      all.stream().filter(s -> s.position() == top.position() + 1).findFirst().ifPresent(chosen::add);
    }
    chosen.sort(Comparator.comparingInt(Scored::position));
    StringBuilder answer = new StringBuilder();
    for (Scored s : chosen) {
      if (answer.length() + s.sentence().length() > MAX_ANSWER_CHARS && !answer.isEmpty()) {
        break;
      }
      if (!answer.isEmpty() && needsSpace(answer, s.sentence())) {
        answer.append(' ');
      }
      answer.append(s.sentence());
    }
    return answer.toString();
  }

  private static boolean needsSpace(StringBuilder text, String next) {
    char last = text.charAt(text.length() - 1);
    return !(Scripts.isCjk(last) || last == '。' || last == '；' || Scripts.isCjk(next.charAt(0)));
  }
}
