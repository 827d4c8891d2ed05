package com.tradewind.bot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Answers one question, or (with --json and no question) a stream of JSON lines from stdin. */
@Command(name = "ask", mixinStandardHelpOptions = true, description = "Answer a question from the knowledge base, with sources.")
final class AskCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin
  KnowledgeCommandOptions options;

  @Option(names = "--json", description = "print JSON; without a question, read {\"q\": …} lines from stdin")
  boolean json;

  @Option(names = "--lang", description = "language of the question (default: detected)")
  String lang;

  @Parameters(arity = "0..*", paramLabel = "QUESTION")
  String[] words;

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String question = words == null ? null : String.join(" ", words);
    if (question == null && !json) {
      System.err.println("error: give a question, or --json to read JSON lines from stdin");
      return 2;
    }
    try (KnowledgeBase kb = KnowledgeBase.open(options.knowledge(), new LanguageDetector())) {
      kb.refresh();
      if (question != null) {
        Answer answer = kb.ask(question, lang);
        out.println(json ? JSON.writeValueAsString(toJson(answer)) : toText(answer));
        return 0;
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        out.println(JSON.writeValueAsString(answerLine(kb, line)));
      }
      return 0;
    }
  }

  private ObjectNode answerLine(KnowledgeBase kb, String line) {
    try {
      JsonNode request = JSON.readTree(line);
      JsonNode q = request.get("q");
      if (q == null || !q.isTextual() || q.asText().isBlank()) {
        return JSON.createObjectNode().put("error", "each line needs a non-empty string \"q\"");
      }
      if (q.asText().length() > 2000) {
        return JSON.createObjectNode().put("error", "the question is longer than 2000 characters");
      }
      JsonNode l = request.get("lang");
      return toJson(kb.ask(q.asText(), l != null && l.isTextual() ? l.asText() : lang));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JSON.createObjectNode().put("error", "not a JSON line: " + e.getOriginalMessage());
    } catch (RuntimeException e) {
      // one question the knowledge base cannot handle must not end the stream for the lines after it
      System.err.println("error: cannot answer a line: " + e);
      return JSON.createObjectNode().put("error", "cannot answer this question");
    }
  }

  static ObjectNode toJson(Answer answer) {
    ObjectNode node = JSON.createObjectNode();
    node.put("answer", answer.text());
    node.put("language", answer.language());
    node.put("answerLanguage", answer.answerLanguage());
    node.put("confidence", Math.round(answer.confidence() * 1000) / 1000.0);
    ArrayNode sources = node.putArray("sources");
    for (SearchHit h : answer.sources()) {
      sources.addObject().put("title", h.title()).put("section", h.section()).put("path", h.path())
          .put("snippet", h.snippet()).put("score", Math.round(h.score() * 1000) / 1000.0);
    }
    return node;
  }

  private static String toText(Answer answer) {
    StringBuilder out = new StringBuilder();
    out.append(answer.answered() ? answer.text() : "(no good answer in the knowledge base)").append("\n");
    int n = 1;
    for (SearchHit h : answer.sources()) {
      out.append(String.format("[%d] %s%s — %s (score %.2f)%n", n++, h.title(),
          h.section().isEmpty() ? "" : " › " + h.section(), h.path(), h.score()));
    }
    return out.toString().stripTrailing();
  }
}
