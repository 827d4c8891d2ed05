package com.tradewind.knowledge.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every evaluation question through {@link KnowledgeBase#ask} with its language detected
 * (as a user's would be). hit@k: one of the first k passages contains the fact; accuracy: the
 * extracted answer contains it; a question without a fact must get no answer.
 */
public final class KnowledgeEvaluator {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static List<EvalQuestion> load(Path jsonl) throws IOException {
    List<EvalQuestion> questions = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        questions.add(JSON.readValue(line, EvalQuestion.class));
      } catch (IOException e) {
        throw new IOException(jsonl + ":" + n + ": not an evaluation line: " + e.getMessage(), e);
      }
    }
    return questions;
  }

  public static EvalReport evaluate(KnowledgeBase kb, List<EvalQuestion> questions) {
    EvalReport report = new EvalReport();
    for (EvalQuestion q : questions) {
      Answer answer = kb.ask(q.q(), null);
      EvalReport.Scores scores = report.scores(q.lang());
      if (q.negative()) {
        scores.negatives++;
        if (!answer.answered()) {
          scores.negativesRejected++;
        } else {
          report.miss(String.format("[%s] answered an out-of-scope question: %s -> %s", q.lang(), q.q(), answer.text()));
        }
        continue;
      }
      scores.questions++;
      String fact = fold(q.fact());
      List<SearchHit> sources = answer.sources();
      boolean hit1 = !sources.isEmpty() && fold(sources.get(0).text()).contains(fact);
      boolean hit3 = sources.stream().limit(3).anyMatch(h -> fold(h.text()).contains(fact));
      boolean correct = answer.answered() && fold(answer.text()).contains(fact);
      scores.hit1 += hit1 ? 1 : 0;
      scores.hit3 += hit3 ? 1 : 0;
      scores.answered += correct ? 1 : 0;
      if (!hit3 || !correct) {
        report.miss(String.format("[%s]%s %s | want \"%s\" in %s | got %s (%.2f): %s", q.lang(), hit3 ? "" : " [not in top 3]", q.q(), q.fact(), q.doc(),
            sources.isEmpty() ? "-" : sources.get(0).path(), answer.confidence(),
            answer.text() == null ? "(no answer)" : abbreviate(answer.text())));
      }
    }
    return report;
  }

  /**
   * Answer accuracy and rejection of out-of-scope questions for several relevance thresholds,
   * from one pass with a knowledge base that always answers (its min-coverage set to 0).
   */
  public static String sweep(KnowledgeBase alwaysAnswering, List<EvalQuestion> questions, double[] thresholds) {
    record Outcome(boolean negative, double confidence, boolean correct) {}
    List<Outcome> outcomes = new ArrayList<>();
    for (EvalQuestion q : questions) {
      Answer a = alwaysAnswering.ask(q.q(), null);
      boolean correct = !q.negative() && a.answered() && fold(a.text()).contains(fold(q.fact()));
      outcomes.add(new Outcome(q.negative(), a.confidence(), correct));
    }
    StringBuilder out = new StringBuilder(String.format("%-10s %9s %10s%n", "threshold", "accuracy", "rejected"));
    for (double t : thresholds) {
      long positives = outcomes.stream().filter(o -> !o.negative()).count();
      long correct = outcomes.stream().filter(o -> !o.negative() && o.correct() && o.confidence() >= t).count();
      long negatives = outcomes.stream().filter(Outcome::negative).count();
      long rejected = outcomes.stream().filter(o -> o.negative() && o.confidence() < t).count();
      out.append(String.format("%-10.2f %9.3f %10s%n", t, (double) correct / Math.max(1, positives), rejected + "/" + negatives));
    }
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "…";
  }

  static String fold(String text) {
    return ChineseScriptFolder.toSimplified(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC))
        .toLowerCase(Locale.ROOT);
  }
}
