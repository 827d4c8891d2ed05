package com.tradewind.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tradewind.bot.TestKnowledge;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code ask} and {@code index} commands run in-process on a small folder, stdout and stdin swapped. */
class AskCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path root;
  private Path docs;
  private Path data;

  private final PrintStream realOut = System.out;
  private final PrintStream realErr = System.err;
  private final InputStream realIn = System.in;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void setUp() {
    docs = TestKnowledge.write(root.resolve("kb"));
    data = root.resolve("data");
  }

  @AfterEach
  void restore() {
    System.setOut(realOut);
    System.setErr(realErr);
    System.setIn(realIn);
    // keep what the command wrote to stderr visible in the test log
    realErr.print(err.toString(StandardCharsets.UTF_8));
  }

  /** Runs the CLI with stdout and stderr captured and {@code stdin} as its input; returns the exit code. */
  private int run(String stdin, String... args) {
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
    try {
      return TradewindCommand.commandLine().execute(args);
    } finally {
      System.setOut(realOut);
      System.setErr(realErr);
      System.setIn(realIn);
    }
  }

  private String[] withFolders(String command, String... rest) {
    List<String> args = new ArrayList<>(List.of(command, "--knowledge", docs.toString(), "--data", data.toString()));
    args.addAll(List.of(rest));
    return args.toArray(String[]::new);
  }

  private List<String> outputLines() {
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void askPrintsOneJsonLineWithTheAnswer() throws Exception {
    assertEquals(0, run(null, withFolders("ask", "--json", "平台仲裁要多久")), err.toString(StandardCharsets.UTF_8));
    List<String> lines = outputLines();
    assertEquals(1, lines.size(), lines.toString());
    JsonNode answer = JSON.readTree(lines.get(0));
    assertTrue(answer.get("answer").asText().contains("7个工作日"), lines.get(0));
    assertEquals("zh", answer.get("language").asText());
    JsonNode source = answer.get("sources").get(0);
    assertEquals(TestKnowledge.DISPUTES, source.get("path").asText());
    assertEquals("纠纷与仲裁", source.get("title").asText());
    assertEquals("仲裁时间", source.get("section").asText());
    assertTrue(source.get("snippet").asText().length() <= 600);
    assertTrue(source.get("score").isNumber());
  }

  @Test
  void askWithoutJsonPrintsTheAnswerAndNumberedSources() {
    assertEquals(0, run(null, withFolders("ask", "How", "do", "I", "create", "a", "shipping", "template?")),
        err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("New template"), text);
    assertTrue(text.contains("[1] Shipping templates"), text);
    assertTrue(text.contains(TestKnowledge.TEMPLATES), text);
  }

  @Test
  void jsonWithoutAQuestionAnswersEachStdinLine() throws Exception {
    String stdin = """
        {"q":"平台仲裁要多久"}
        not json

        {"q":""}
        """;
    assertEquals(0, run(stdin, withFolders("ask", "--json")), err.toString(StandardCharsets.UTF_8));
    List<String> lines = outputLines();
    assertEquals(3, lines.size(), "one output line per non-blank input line: " + lines);
    JsonNode first = JSON.readTree(lines.get(0));
    assertFalse(first.has("error"), lines.get(0));
    assertTrue(first.get("answer").asText().contains("7个工作日"), lines.get(0));
    JsonNode second = JSON.readTree(lines.get(1));
    assertTrue(second.get("error").isTextual(), lines.get(1));
    assertFalse(second.has("answer"));
    JsonNode third = JSON.readTree(lines.get(2));
    assertTrue(third.get("error").isTextual(), lines.get(2));
    assertFalse(third.has("answer"));
  }

  @Test
  void oneUnanswerableLineDoesNotEndTheStream() throws Exception {
    String tooLong = "{\"q\":\"" + "仲".repeat(2001) + "\"}";
    // long but valid: whatever the knowledge base makes of it, the next line must still be answered
    String long1500 = "{\"q\":\"" + "买家说一直没有收到货物，现在要求退款并且发起了纠纷，".repeat(60).substring(0, 1500) + "\"}";
    String stdin = String.join("\n", "[1,2]", "{\"q\":42}", tooLong, long1500, "{\"q\":\"平臺仲裁要多久？\"}") + "\n";
    assertEquals(0, run(stdin, withFolders("ask", "--json")), err.toString(StandardCharsets.UTF_8));
    List<String> lines = outputLines();
    assertEquals(5, lines.size(), lines.toString());
    for (int i = 0; i < 3; i++) {
      assertTrue(JSON.readTree(lines.get(i)).get("error").isTextual(), lines.get(i));
    }
    assertTrue(JSON.readTree(lines.get(2)).get("error").asText().contains("2000"));
    JsonNode longAnswer = JSON.readTree(lines.get(3));
    assertTrue(longAnswer.has("error") || longAnswer.has("answer"), lines.get(3));
    JsonNode last = JSON.readTree(lines.get(4));
    assertTrue(last.get("answer").asText().contains("7个工作日"), lines.get(4));
  }

  @Test
  void askWithoutQuestionOrJsonIsAUsageError() {
    assertEquals(2, run(null, withFolders("ask")));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("give a question"));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void indexPrintsASummary() {
    assertEquals(0, run(null, withFolders("index")), err.toString(StandardCharsets.UTF_8));
    String first = out.toString(StandardCharsets.UTF_8);
    assertTrue(first.contains("2 files: 2 added"), first);
    assertTrue(first.contains("passages"), first);
  }
}
