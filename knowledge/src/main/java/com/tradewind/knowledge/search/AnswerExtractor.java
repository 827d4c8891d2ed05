package com.tradewind.knowledge.search;

import com.tradewind.knowledge.passage.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the sentences that answer a question: every sentence of the top passages is scored by
 * how much of the question it covers, passages further down the ranking count a little less,
 * and the best sentence plus up to two strong neighbours from the same passage form the answer,
 * in reading order.
 */
final class AnswerExtractor {

  private static final int MAX_ANSWER_CHARS = 700;
  private final int maxSentences;

  AnswerExtractor(int maxSentences) {
    this.maxSentences = maxSentences;
  }

  String extract(QuestionProfile profile, List<SearchHit> top) {
    record Scored(int passage, int position, String sentence, double score) {}
    List<Scored> all = new ArrayList<>();
    for (int p = 0; p < top.size(); p++) {
      SearchHit hit = top.get(p);
      List<String> sentences = SentenceSplitter.split(hit.text());
      double rankFactor = 1.0 - 0.15 * p;
      for (int s = 0; s < sentences.size(); s++) {
        String sentence = sentences.get(s);
        double score = profile.coverage(sentence, hit.language()) * rankFactor;
        all.add(new Scored(p, s, sentence, score));
      }
    }
    if (all.isEmpty()) {
      return top.get(0).snippet();
    }
    Scored best = all.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    List<Scored> chosen = new ArrayList<>();
    chosen.add(best);
    all.stream()
        .filter(s -> s.passage() == best.passage() && s != best && s.score() >= best.score() * 0.5 && s.score() > 0)
        .sorted(Comparator.comparingDouble(Scored::score).reversed())
        .limit(maxSentences - 1L)
        .forEach(chosen::add);
    if (chosen.size() == 1 && best.sentence().length() < 40) {
      // a very short best sentence ("Arbitration:") needs the one after it to make sense
      all.stream().filter(s -> s.passage() == best.passage() && s.position() == best.position() + 1)
          .findFirst().ifPresent(chosen::add);
    }
    chosen.sort(Comparator.comparingInt(Scored::position));
    StringBuilder answer = new StringBuilder();
    for (Scored s : chosen) {
      if (answer.length() + s.sentence().length() > MAX_ANSWER_CHARS && !answer.isEmpty()) {
        break;
      }
      if (!answer.isEmpty()) {
        answer.append(needsSpace(answer, s.sentence()) ? " " : "");
      }
      answer.append(s.sentence());
    }
    return answer.toString();
  }

  private static boolean needsSpace(StringBuilder text, String next) {
    char last = text.charAt(text.length() - 1);
    return !(com.tradewind.knowledge.normalize.Scripts.isCjk(last) || last == '。' || last == '；'
        || com.tradewind.knowledge.normalize.Scripts.isCjk(next.charAt(0)));
  }
}
