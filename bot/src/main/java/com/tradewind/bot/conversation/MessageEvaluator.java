package com.tradewind.bot.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs a held-out set of chat messages ({@code {"text", "lang", "intent", "entities"}} lines),
 * each as the first message of a new conversation, and counts language, intent and entity
 * accuracy per language.
 */
public final class MessageEvaluator {

  /** Totals and misses. */
  public record Report(int total, int language, int intent, int entities, Map<String, int[]> byLanguage, List<String> misses) {

    public double languageAccuracy() {
      return (double) language / total;
    }

    public double intentAccuracy() {
      return (double) intent / total;
    }

    public double entityAccuracy() {
      return (double) entities / total;
    }

    public String table() {
      StringBuilder out = new StringBuilder(String.format("%-6s %4s %9s %7s %9s%n", "lang", "n", "language", "intent", "entities"));
      byLanguage.forEach((lang, c) -> out.append(String.format("%-6s %4d %9.3f %7.3f %9.3f%n", lang, c[0],
          (double) c[1] / c[0], (double) c[2] / c[0], (double) c[3] / c[0])));
      out.append(String.format("%-6s %4d %9.3f %7.3f %9.3f%n", "all", total, languageAccuracy(), intentAccuracy(),
          entityAccuracy()));
      return out.toString();
    }
  }

  public static Report evaluate(DialogueEngine engine, Path jsonl) throws IOException, java.util.concurrent.TimeoutException {
    ObjectMapper json = new ObjectMapper();
    Map<String, int[]> byLanguage = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int total = 0, language = 0, intent = 0, entities = 0, n = 0;
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode q = json.readTree(line);
      String expectedLang = q.path("lang").asText().replace("-Hant", "");
      Map<String, String> expectedEntities = new HashMap<>();
      q.path("entities").fields().forEachRemaining(e -> expectedEntities.put(e.getKey(), e.getValue().asText()));
      Turn turn = engine.handle(new IncomingMessage("eval", "eval-" + n, "eval-" + n, q.path("text").asText(), null))
          .await(30, TimeUnit.SECONDS);
      boolean langOk = expectedLang.equals(turn.language());
      boolean intentOk = q.path("intent").asText().equals(turn.intent());
      boolean entitiesOk = expectedEntities.equals(turn.entities());
      int[] c = byLanguage.computeIfAbsent(expectedLang, l -> new int[4]);
      c[0]++;
      total++;
      if (langOk) {
        c[1]++;
        language++;
      }
      if (intentOk) {
        c[2]++;
        intent++;
      }
      if (entitiesOk) {
        c[3]++;
        entities++;
      }
      if (!langOk || !intentOk || !entitiesOk) {
        misses.add(String.format("%s | lang %s→%s | intent %s→%s (%.2f) | entities %s→%s", q.path("text").asText(),
            expectedLang, turn.language(), q.path("intent").asText(), turn.intent(), turn.confidence(),
            expectedEntities, turn.entities()));
      }
    }
    return new Report(total, language, intent, entities, byLanguage, misses);
  }
}
