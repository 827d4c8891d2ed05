package com.tradewind.bot.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.index.ChineseAnalysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Defaults, file and environment layers, and validation messages. The real environment is never read. */
class TradewindConfigTest {

  @TempDir
  Path tmp;

  @Test
  void defaultsLoadFromTheBundledAndProjectFiles() {
    TradewindConfig config = TradewindConfig.load(Map.of());
    assertEquals(8080, config.http().port());
    assertEquals("0.0.0.0", config.http().host());
    assertEquals(Path.of("config/knowledge"), config.knowledge().knowledgeDir());
    assertEquals(Path.of("./data"), config.knowledge().dataDir());
    assertEquals(Path.of("config/glossary.tsv"), config.knowledge().glossaryFile());
    assertEquals(ChineseAnalysis.BIGRAM, config.knowledge().chineseAnalysis());
    assertEquals(0.3, config.knowledge().search().minCoverage(), 1e-9);
    assertEquals(50L * 1024 * 1024, config.knowledge().maxFileBytes());
    assertTrue(config.watchKnowledge());
  }

  @Test
  void environmentOverridesDefaults() {
    TradewindConfig config = TradewindConfig.load(Map.of(
        "TRADEWIND_HTTP_PORT", "9090",
        "TRADEWIND_HTTP_HOST", "127.0.0.1",
        "TRADEWIND_DATA_DIR", "/var/lib/tradewind",
        "TRADEWIND_KNOWLEDGE_DIR", "/srv/kb",
        "TRADEWIND_KNOWLEDGE_MIN_COVERAGE", "0.55",
        "TRADEWIND_KNOWLEDGE_CHINESE_ANALYSIS", "smartcn",
        "TRADEWIND_KNOWLEDGE_WATCH", "no",
        "TRADEWIND_KNOWLEDGE_MAX_FILE_MB", "2"));
    assertEquals(9090, config.http().port());
    assertEquals("127.0.0.1", config.http().host());
    assertEquals(Path.of("/var/lib/tradewind"), config.knowledge().dataDir());
    assertEquals(Path.of("/srv/kb"), config.knowledge().knowledgeDir());
    assertEquals(0.55, config.knowledge().search().minCoverage(), 1e-9);
    assertEquals(ChineseAnalysis.SMARTCN, config.knowledge().chineseAnalysis());
    assertFalse(config.watchKnowledge());
    assertEquals(2L * 1024 * 1024, config.knowledge().maxFileBytes());
  }

  @Test
  void valuesAreTrimmed() {
    TradewindConfig config = TradewindConfig.load(Map.of("TRADEWIND_HTTP_PORT", " 9091 "));
    assertEquals(9091, config.http().port());
  }

  @Test
  void unrelatedVariablesAreIgnored() {
    TradewindConfig config = TradewindConfig.load(Map.of("TRADEWIND_NOT_A_KEY", "x", "HTTP_PORT", "1"));
    assertEquals(8080, config.http().port());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', value = {
      "TRADEWIND_HTTP_PORT|abc|http.port",
      "TRADEWIND_HTTP_PORT|70000|http.port",
      "TRADEWIND_HTTP_PORT|-1|http.port",
      "TRADEWIND_HTTP_PORT|8080.5|http.port",
      "TRADEWIND_KNOWLEDGE_MIN_COVERAGE|1.5|knowledge.min-coverage",
      "TRADEWIND_KNOWLEDGE_MIN_COVERAGE|-0.1|knowledge.min-coverage",
      "TRADEWIND_KNOWLEDGE_MIN_COVERAGE|NaN|knowledge.min-coverage",
      "TRADEWIND_KNOWLEDGE_MIN_COVERAGE|lots|knowledge.min-coverage",
      "TRADEWIND_KNOWLEDGE_CHINESE_ANALYSIS|foo|knowledge.chinese-analysis",
      "TRADEWIND_KNOWLEDGE_WATCH|maybe|knowledge.watch",
      "TRADEWIND_KNOWLEDGE_MAX_FILE_MB|0|knowledge.max-file-mb",
      "TRADEWIND_DELIVERY_SLACK_DEDUPE_MINUTES|5|delivery.slack-dedupe-minutes",
      "TRADEWIND_DELIVERY_SLACK_DEDUPE_MINUTES|an hour|delivery.slack-dedupe-minutes",
      "TRADEWIND_DELIVERY_DEDUPE_MEMORY_KEYS|100|delivery.dedupe-memory-keys",
      "TRADEWIND_DELIVERY_DEDUPE_MEMORY_KEYS|1e6|delivery.dedupe-memory-keys",
  })
  void badValuesNameTheKeyAndTheVariable(String variable, String value, String key) {
    ConfigException e = assertThrows(ConfigException.class, () -> TradewindConfig.load(Map.of(variable, value)));
    assertEquals(key, e.key());
    assertTrue(e.getMessage().contains(key), e.getMessage());
    assertTrue(e.getMessage().contains(variable), e.getMessage());
    assertTrue(e.getMessage().contains(value), "the message shows the bad value: " + e.getMessage());
  }

  @Test
  void blankValueIsReportedAsRequired() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> TradewindConfig.load(Map.of("TRADEWIND_HTTP_HOST", "  ")));
    assertEquals("http.host", e.key());
    assertTrue(e.getMessage().contains("TRADEWIND_HTTP_HOST"), e.getMessage());
    assertTrue(e.getMessage().contains("required"), e.getMessage());
  }

  @Test
  void choicesAndBooleansAcceptTheirSpellings() {
    assertEquals(ChineseAnalysis.BIGRAM, TradewindConfig.load(Map.of("TRADEWIND_KNOWLEDGE_CHINESE_ANALYSIS", "BiGram"))
        .knowledge().chineseAnalysis());
    for (String yes : new String[] {"true", "YES", "on", "1"}) {
      assertTrue(TradewindConfig.load(Map.of("TRADEWIND_KNOWLEDGE_WATCH", yes)).watchKnowledge(), yes);
    }
    for (String no : new String[] {"false", "No", "off", "0"}) {
      assertFalse(TradewindConfig.load(Map.of("TRADEWIND_KNOWLEDGE_WATCH", no)).watchKnowledge(), no);
    }
  }

  @Test
  void missingConfigFileFails() {
    Path missing = tmp.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class,
        () -> TradewindConfig.load(Map.of("TRADEWIND_CONFIG", missing.toString())));
    assertEquals("TRADEWIND_CONFIG", e.key());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(e.getMessage().contains("TRADEWIND_TRADEWIND_CONFIG"),
        "the message must name the real variable: " + e.getMessage());
  }

  @Test
  void invalidYamlFileFails() throws Exception {
    Path file = Files.writeString(tmp.resolve("broken.yaml"), "http:\n  port: [8080\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> TradewindConfig.load(Map.of("TRADEWIND_CONFIG", file.toString())));
    assertEquals("TRADEWIND_CONFIG", e.key());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
  }

  @Test
  void configFileOverridesDefaultsAndEnvironmentOverridesTheFile() throws Exception {
    Path file = Files.writeString(tmp.resolve("tradewind.yaml"), """
        http:
          port: 7070
        knowledge:
          dir: /srv/docs
          min-coverage: 0.45
          watch: false
        data:
          dir: /srv/data
        """);
    TradewindConfig fromFile = TradewindConfig.load(Map.of("TRADEWIND_CONFIG", file.toString()));
    assertEquals(7070, fromFile.http().port());
    assertEquals(Path.of("/srv/docs"), fromFile.knowledge().knowledgeDir());
    assertEquals(Path.of("/srv/data"), fromFile.knowledge().dataDir());
    assertEquals(0.45, fromFile.knowledge().search().minCoverage(), 1e-9);
    assertFalse(fromFile.watchKnowledge());
    // keys the file leaves out keep the bundled defaults
    assertEquals("0.0.0.0", fromFile.http().host());
    assertEquals(ChineseAnalysis.BIGRAM, fromFile.knowledge().chineseAnalysis());
    assertEquals(Path.of("config/glossary.tsv"), fromFile.knowledge().glossaryFile());

    TradewindConfig both = TradewindConfig.load(Map.of("TRADEWIND_CONFIG", file.toString(), "TRADEWIND_HTTP_PORT", "6060"));
    assertEquals(6060, both.http().port());
    assertEquals(Path.of("/srv/docs"), both.knowledge().knowledgeDir());
  }

  @Test
  void badValueInConfigFileNamesTheKey() throws Exception {
    Path file = Files.writeString(tmp.resolve("bad.yaml"), "http:\n  port: eighty\n");
    ConfigException e = assertThrows(ConfigException.class,
        () -> TradewindConfig.load(Map.of("TRADEWIND_CONFIG", file.toString())));
    assertEquals("http.port", e.key());
    assertTrue(e.getMessage().contains("TRADEWIND_HTTP_PORT"), e.getMessage());
  }

  @Test
  void envNameMapsDotsAndDashes() {
    assertEquals("TRADEWIND_KNOWLEDGE_MIN_COVERAGE", ConfigSource.envName("knowledge.min-coverage"));
    assertEquals("TRADEWIND_HTTP_PORT", ConfigSource.envName("http.port"));
  }
}
