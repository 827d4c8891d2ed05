package com.tradewind.bot.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.logstash.logback.decorate.JsonGeneratorDecorator;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import org.junit.jupiter.api.Test;

/** The log encoder writes the same bytes with the shortcut for simple values as with the plain masking decorator. */
class SimpleValuesJsonGeneratorDecoratorTest {

  private enum Outcome { ANSWERED }

  private record Pojo(String name, int count) {}

  private static LogstashEncoder encoder(LoggerContext context, MaskingJsonGeneratorDecorator decorator) {
    decorator.addValueMasker(new SecretValueMasker());
    decorator.start();
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setIncludeContext(false);
    encoder.setJsonGeneratorDecorator((JsonGeneratorDecorator) decorator);
    encoder.start();
    return encoder;
  }

  @Test
  void sameLineAsThePlainMaskingDecorator() {
    LoggerContext context = new LoggerContext();
    LogstashEncoder plain = encoder(context, new MaskingJsonGeneratorDecorator());
    LogstashEncoder shortcut = encoder(context, new SimpleValuesJsonGeneratorDecorator());
    Object[] args = {kv("channel", "web"), kv("intent", "order_status"), kv("outcome", Outcome.ANSWERED),
        kv("language", "pt"), kv("latency_ms", 12L), kv("count", 7), kv("answer_id", null), kv("handoff", false),
        kv("ratio", 0.25), kv("email", "write to ana.souza@example.com"), kv("phone", "+55 11 91234-5678"),
        kv("list", List.of("a", 1, true)), kv("map", Map.of("k", "v")), kv("pojo", new Pojo("x", 2)),
        kv("escaped", "quote \" backslash \\ newline \n tab \t ünïcødé 订单")};
    LoggingEvent event = new LoggingEvent("test", context.getLogger("tradewind.turn"), Level.INFO,
        "turn {} {} {}", null, args);
    event.setMDCPropertyMap(Map.of("conversation_id", "whatsapp:+55 11 91234-5678"));
    String expected = new String(plain.encode(event), StandardCharsets.UTF_8);
    String actual = new String(shortcut.encode(event), StandardCharsets.UTF_8);
    assertEquals(expected, actual);
    assertFalse(actual.contains("ana.souza@example.com"), actual);
    assertFalse(actual.contains("91234-5678"), actual);
    assertTrue(actual.contains("\"latency_ms\":12,") && actual.contains("\"handoff\":false"), actual);
  }
}
