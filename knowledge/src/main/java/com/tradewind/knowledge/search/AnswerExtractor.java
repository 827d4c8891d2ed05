package com.tradewind.knowledge.search;

import com.tradewind.knowledge.normalize.Scripts;
import com.tradewind.knowledge.passage.SentenceSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the sentences of the best passage that answer a question: each sentence is scored by
 * how much of the question it covers (directly or through the glossary), with a bonus for
 * sentences holding a number when the question asks for a quantity (a duration when it asks how
 * long); the best sentence plus up to two strong others form the answer, in reading order. A best
 * sentence that ends in a colon brings what follows it, and a short one its neighbours. Only the
 * passage that passed the relevance gate is used, so the answer and its first citation always
 * agree.
 */
final class AnswerExtractor {

  private static final int MAX_ANSWER_CHARS = 700;
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
      double score = profile.coverage(sentence, best.language()) + profile.sentenceNumberBonus(sentence, best.language());
      all.add(new Scored(s, sentence, score));
    }
    Scored top = all.stream().max(Comparator.comparingDouble(Scored::score)).orElseThrow();
    List<Scored> chosen = new ArrayList<>();
    chosen.add(top);
    if (introducesWhatFollows(top.sentence())) {
      // "Protection periods:" or "累计达到以下分值时执行对应处罚：" says nothing without the list
      // after it, which comes before any other sentence
      for (int next = top.position() + 1; next < all.size() && chosen.size() <= maxSentences; next++) {
        chosen.add(all.get(next));
      }
      chosen.sort(Comparator.comparingInt(Scored::position));
      return join(chosen.stream().map(Scored::sentence).toList());
    }
    all.stream()
        .filter(s -> s != top && s.score() >= top.score() * 0.6 && s.score() > 0)
        .sorted(Comparator.comparingDouble(Scored::score).reversed())
        .limit(maxSentences - 1L)
        .forEach(chosen::add);
    if (chosen.size() == 1 && isShort(top.sentence())) {
      // A short best sentence leans on its neighbours: "„Keine Informationen“ ist in dieser Zeit
      // normal." needs the one before, which says how long that time is; a question-like line of
      // a FAQ ("El vendedor no me contesta.") needs the one after, which answers it.
      if (top.position() > 0) {
        chosen.add(all.get(top.position() - 1));
      }
      if (top.position() + 1 < all.size()) {
        chosen.add(all.get(top.position() + 1));
      }
    }
    for (Scored s : List.copyOf(chosen)) {
      // another chosen sentence that introduces a list brings at least its first item
      if (s != top && introducesWhatFollows(s.sentence()) && s.position() + 1 < all.size()
          && !chosen.contains(all.get(s.position() + 1))) {
        chosen.add(all.get(s.position() + 1));
      }
    }
    chosen.sort(Comparator.comparingInt(Scored::position));
    return join(chosen.stream().map(Scored::sentence).toList());
  }

  /** Sentences in reading order, up to {@link #MAX_ANSWER_CHARS}. */
  private static String join(List<String> sentences) {
    StringBuilder answer = new StringBuilder();
    for (String sentence : sentences) {
      if (answer.length() + sentence.length() > MAX_ANSWER_CHARS && !answer.isEmpty()) {
        break;
      }
      if (!answer.isEmpty() && needsSpace(answer, sentence)) {
        answer.append(' ');
      }
      answer.append(sentence);
    }
    return answer.toString();
  }

  private static boolean introducesWhatFollows(String sentence) {
    char last = sentence.charAt(sentence.length() - 1);
    return last == ':' || last == '：';
  }

  /** Short enough to need context: a few words, or a dozen CJK characters. */
  private static boolean isShort(String sentence) {
    int cjk = 0;
    for (int i = 0; i < sentence.length(); i++) {
      cjk += Scripts.isCjk(sentence.charAt(i)) ? 1 : 0;
    }
    return cjk > 0 ? cjk < 14 : sentence.length() < 60;
  }

  private static boolean needsSpace(StringBuilder text, String next) {
    char last = text.charAt(text.length() - 1);
    return !(Scripts.isCjk(last) || last == '。' || last == '；' || Scripts.isCjk(next.charAt(0)));
  }
}
