package com.tradewind.bot.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Known secrets and personal data fed through every logging path — message text, arguments,
 * structured arguments, MDC, exception messages, causes, suppressed exceptions and stack traces —
 * encoded by the encoder the shipped logback.xml configures; none may reach the output.
 */
class SafeLogTest {

  /** Values a configured deployment holds in its environment. */
  static final Map<String, String> ENV = Map.of(
      "TRADEWIND_SLACK_SIGNING_SECRET", "8f742231b10e8888abcd99yyyzzz85a5",
      "TRADEWIND_WHATSAPP_APP_SECRET", "wa-app-secret-0f9e8d7c6b5a",
      "TRADEWIND_ADMIN_TOKEN", "admin-token-that-is-long-enough",
      "TRADEWIND_HTTP_PORT", "8080");

  /** Everything that must never be seen in a log line. */
  static final List<String> FORBIDDEN = List.of(
      "8f742231b10e8888abcd99yyyzzz85a5",
      "wa-app-secret-0f9e8d7c6b5a",
      "admin-token-that-is-long-enough",
      "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy",
      "xapp-1-A0123456789-1234567890123-0123456789abcdef0123456789abcdef",
      "EAAGm0PX4ZCpsBAKZAZB7hZCZAZCx7ZAp0ZAZBvPJhJhq3ZC",
      "shpat_0123456789abcdef0123456789abcdef",
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
      "ana.souza@example.com",
      "+55 11 91234-5678",
      "(415) 555-0132",
      "+8613812345678",
      "221B Baker Street",
      "1600 Amphitheatre Parkway",
      "Calle Mayor 12",
      "Hauptstraße 5",
      "ул. Ленина, д. 5",
      "北京市朝阳区建国路88号");

  private final List<String> lines = new ArrayList<>();
  private final Logger log = LoggerFactory.getLogger("tradewind.test.safe-log");
  private AppenderBase<ILoggingEvent> capture;
  private OutputStreamAppender<ILoggingEvent> console;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void captureWithTheShippedEncoder() {
    JsonLogging.install(ENV);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("JSON");
    Encoder<ILoggingEvent> encoder = console.getEncoder();
    root.detachAppender(console); // the same lines, encoded below, need not flood the build output
    capture = new AppenderBase<>() {
      @Override
      protected void append(ILoggingEvent event) {
        lines.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
      }
    };
    capture.setContext(context);
    capture.start();
    root.addAppender(capture);
  }

  @AfterEach
  void detach() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(console);
    SecretValueMasker.use(SecretMasker.fromEnvironment(System.getenv()));
    MDC.clear();
  }

  @Test
  void noSecretOrPersonalDataReachesTheOutputWhateverThePath() {
    String all = String.join(" | ", FORBIDDEN);
    MDC.put("conversation_id", "whatsapp:+55 11 91234-5678");
    MDC.put("email", "ana.souza@example.com");
    log.info("message text: " + all);
    log.info("arguments: {} {} {}", FORBIDDEN.get(0), FORBIDDEN.get(3), all);
    log.warn("structured {}", kv("authorization", "Bearer " + FORBIDDEN.get(5)), kv("address", FORBIDDEN.get(14)));
    log.info("header Authorization: Bearer {}", "sk-not-a-known-shape-0123456789abcdef");
    RuntimeException cause = new IllegalStateException("signing secret " + FORBIDDEN.get(0) + " rejected for " + all);
    RuntimeException failure = new RuntimeException("call to Slack with " + FORBIDDEN.get(3) + " failed", cause);
    failure.addSuppressed(new IllegalArgumentException("phone " + FORBIDDEN.get(9) + " email " + FORBIDDEN.get(8)));
    log.error("error with exception for {}", FORBIDDEN.get(16), failure);
    log.error("error without arguments", new Exception(all));
    JsonLogging.install(ENV); // java.util.logging too, as Lucene and Selenium use it
    java.util.logging.Logger.getLogger("tradewind.test.jul").warning("JUL with " + all);

    assertEquals(7, lines.size());
    String output = String.join("", lines);
    for (String secret : FORBIDDEN) {
      assertFalse(output.contains(secret), "leaked: " + secret + "\n" + output);
    }
    assertFalse(output.contains("sk-not-a-known-shape-0123456789abcdef"), "a bearer credential of any shape");
    for (String line : lines) {
      JsonObject json = new JsonObject(line.strip()); // one JSON object per line
      assertTrue(json.containsKey("@timestamp") && json.containsKey("level") && json.containsKey("message"), line);
      assertFalse(line.strip().contains("\n"), "one line per event");
    }
    JsonObject error = new JsonObject(lines.get(4).strip());
    assertTrue(error.getString("stack_trace").contains("IllegalStateException"), "the stack trace is kept, masked");
    assertTrue(error.getString("stack_trace").contains("Suppressed"), error.getString("stack_trace"));
    assertTrue(output.contains(SecretMasker.MASK));
  }

  @Test
  void whatIsNotSecretStaysReadable() {
    MDC.put("conversation_id", "web:c-42");
    log.info("order {} parcel {} took {} ms on 2026-11-28 20:15:22, {} passages", "8123456789012345", "RR123456785CN",
        1234, 40);
    JsonObject json = new JsonObject(lines.getFirst().strip());
    assertEquals("order 8123456789012345 parcel RR123456785CN took 1234 ms on 2026-11-28 20:15:22, 40 passages",
        json.getString("message"));
    assertEquals("web:c-42", json.getString("conversation_id"));
  }
}
