package com.tradewind.knowledge.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Results per language and the questions that missed, for the eval command and tests. */
public final class EvalReport {

  /** Counts for one language. */
  public static final class Scores {
    int questions;
    int hit1;
    int hit3;
    int answered;
    int negatives;
    int negativesRejected;

    public double hitAt1() {
      return questions == 0 ? 0 : (double) hit1 / questions;
    }

    public double hitAt3() {
      return questions == 0 ? 0 : (double) hit3 / questions;
    }

    public double accuracy() {
      return questions == 0 ? 0 : (double) answered / questions;
    }

    public int questions() {
      return questions;
    }

    public int negatives() {
      return negatives;
    }

    public double rejection() {
      return negatives == 0 ? 1 : (double) negativesRejected / negatives;
    }
  }

  private final Map<String, Scores> byLanguage = new TreeMap<>();
  private final List<String> misses = new ArrayList<>();

  Scores scores(String lang) {
    return byLanguage.computeIfAbsent(lang, l -> new Scores());
  }

  void miss(String line) {
    misses.add(line);
  }

  public Map<String, Scores> byLanguage() {
    return byLanguage;
  }

  public List<String> misses() {
    return misses;
  }

  /** All languages whose tag starts with {@code prefix} ("zh" covers zh and zh-Hant) pooled. */
  public Scores pooled(java.util.function.Predicate<String> languages) {
    Scores total = new Scores();
    byLanguage.forEach((lang, s) -> {
      if (languages.test(lang)) {
        total.questions += s.questions;
        total.hit1 += s.hit1;
        total.hit3 += s.hit3;
        total.answered += s.answered;
        total.negatives += s.negatives;
        total.negativesRejected += s.negativesRejected;
      }
    });
    return total;
  }

  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("%-8s %5s %7s %7s %9s %10s%n", "lang", "n", "hit@1", "hit@3", "accuracy", "rejected"));
    byLanguage.forEach((lang, s) -> out.append(row(lang, s)));
    out.append(row("all", pooled(l -> true)));
    return out.toString();
  }

  private static String row(String lang, Scores s) {
    return String.format("%-8s %5d %7.3f %7.3f %9.3f %10s%n", lang, s.questions, s.hitAt1(), s.hitAt3(), s.accuracy(),
        s.negatives == 0 ? "-" : s.negativesRejected + "/" + s.negatives);
  }
}
