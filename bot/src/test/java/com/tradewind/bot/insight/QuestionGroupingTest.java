package com.tradewind.bot.insight;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.search.SearchHit;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Grouping quality on paraphrase sets: each set is one question in several wordings and languages,
 * searched in the shipped knowledge folder (config/knowledge). Pairwise precision (questions put
 * together really ask the same) and recall (questions that ask the same are put together), against
 * grouping by normalized text as the baseline. Numbers are printed and recorded in docs/ops.md.
 */
class QuestionGroupingTest {

  /** topic → wordings; each topic in at least three languages. */
  static final Map<String, List<String>> SETS = new java.util.LinkedHashMap<>();

  static {
    SETS.put("return window", List.of(
        "How many days do I have to return an item?",
        "Can I still send a product back after two weeks?",
        "¿Cuántos días tengo para devolver un producto?",
        "Wie lange habe ich Zeit, einen Artikel zurückzuschicken?",
        "Сколько дней у меня есть на возврат товара?",
        "退货期限是多少天"));
    SETS.put("tracking not updating", List.of(
        "My tracking number has not updated for a week",
        "Why is there no tracking information for my parcel?",
        "Mi número de seguimiento no se actualiza desde hace días",
        "Mon numéro de suivi ne bouge plus depuis une semaine",
        "Meu código de rastreio não atualiza há dias"));
    SETS.put("open a dispute", List.of(
        "How do I open a dispute with the seller?",
        "¿Cómo abro una disputa?",
        "Comment ouvrir un litige avec le vendeur ?",
        "Wie eröffne ich einen Streitfall?",
        "Как открыть спор с продавцом?"));
    SETS.put("shipping template", List.of(
        "How do I create a shipping template?",
        "Where do I set up freight templates in the seller center?",
        "运费模板怎么设置",
        "在哪里新建运费模板"));
    SETS.put("store deposit", List.of(
        "How much is the deposit to open a store?",
        "What security deposit do I need to pay as a new seller?",
        "开店保证金要交多少钱",
        "入驻需要交多少保证金"));
  }

  private static Vertx vertx;
  private static KnowledgeService knowledge;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path data = Files.createTempDirectory("tradewind-grouping-");
    knowledge = new KnowledgeService(vertx, KnowledgeOptions.of(Path.of("config/knowledge"), data,
        Path.of("config/glossary.tsv")), new LanguageDetector());
    knowledge.start(false).await(120, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    knowledge.close().await(10, TimeUnit.SECONDS);
    vertx.close();
  }

  @Test
  void theSameQuestionInOtherWordsAndLanguagesLandsInOneGroup() throws Exception {
    List<GapQuestion> questions = new ArrayList<>();
    Map<String, String> topicOf = new HashMap<>();
    for (var set : SETS.entrySet()) {
      for (String q : set.getValue()) {
        List<SearchHit> hits = knowledge.search(q, null, QuestionGrouper.TOP).await(30, TimeUnit.SECONDS);
        questions.add(new GapQuestion(q, null, "web", Instant.now(), GapQuestion.Reason.UNANSWERED,
            hits.stream().map(PassageRef::of).toList()));
        topicOf.put(q, set.getKey());
      }
    }
    double[] grouped = pairwise(QuestionGrouper.clusters(questions), topicOf);
    // baseline: identical normalized text only (what counting raw questions gives)
    List<List<GapQuestion>> byText = QuestionGrouper.clusters(questions.stream()
        .map(q -> new GapQuestion(q.text(), null, "web", q.at(), q.reason(), List.of())).toList());
    double[] baseline = pairwise(byText, topicOf);
    List<GapGroup> groups = QuestionGrouper.group(questions);
    System.out.printf("grouping of %d questions in %d paraphrase sets: %d groups, pairwise precision %.2f, "
        + "recall %.2f (baseline by text: %d groups, precision %.2f, recall %.2f)%n", questions.size(), SETS.size(),
        groups.size(), grouped[0], grouped[1], byText.size(), baseline[0], baseline[1]);
    groups.forEach(g -> System.out.println("  " + g.count() + " " + g.examples()));
    assertTrue(grouped[0] >= 0.9, "precision " + grouped[0]);
    assertTrue(grouped[1] >= 0.6, "recall " + grouped[1]);
    assertTrue(grouped[1] > baseline[1] + 0.5, "far better than counting wordings");
  }

  /** {precision, recall} over pairs of questions. */
  private static double[] pairwise(List<List<GapQuestion>> groups, Map<String, String> topicOf) {
    Map<String, Integer> groupOf = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      for (GapQuestion q : groups.get(i)) {
        groupOf.put(q.text(), i);
      }
    }
    List<String> qs = new ArrayList<>(topicOf.keySet());
    int together = 0;
    int togetherRight = 0;
    int same = 0;
    for (int i = 0; i < qs.size(); i++) {
      for (int j = i + 1; j < qs.size(); j++) {
        boolean sameTopic = topicOf.get(qs.get(i)).equals(topicOf.get(qs.get(j)));
        boolean sameGroup = groupOf.get(qs.get(i)).equals(groupOf.get(qs.get(j)));
        same += sameTopic ? 1 : 0;
        together += sameGroup ? 1 : 0;
        togetherRight += sameGroup && sameTopic ? 1 : 0;
      }
    }
    return new double[] {together == 0 ? 1 : (double) togetherRight / together, (double) togetherRight / same};
  }
}
