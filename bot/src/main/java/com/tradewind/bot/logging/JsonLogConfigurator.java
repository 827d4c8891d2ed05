package com.tradewind.bot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.fieldnames.LogstashFieldNames;

/**
 * The shipped logging set-up, in code: one JSON object per line on stderr, every string value
 * masked (see docs/ops.md), the root level from {@code TRADEWIND_LOG_LEVEL} (default INFO).
 *
 * <p>Logback finds it through {@code META-INF/services} before it looks for XML. Building the
 * same appender from {@code logback.xml} took Joran's XML parsing and model interpretation, about
 * half of logback's start-up, on the main thread before {@code serve} could do anything else. A
 * {@code logback.configurationFile} system property or a {@code logback-test.xml} on the class
 * path still wins: this configurator then steps aside.
 */
public final class JsonLogConfigurator extends ContextAwareBase implements Configurator {

  /** The appender's name, which tests look up to reuse the shipped encoder. */
  public static final String APPENDER = "JSON";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null
        || JsonLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    // From the first line on: the environment's secrets masked, java.util.logging (Lucene) as JSON too.
    JsonLogging.install(System.getenv());
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName(APPENDER);
    console.setTarget("System.err");
    console.setEncoder(encoder(context));
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    String level = System.getenv("TRADEWIND_LOG_LEVEL");
    root.setLevel(rootLevel(level));
    root.addAppender(console);
    if (level != null && !level.isBlank() && !isLevel(level)) {
      root.warn("TRADEWIND_LOG_LEVEL={} is not a level (TRACE, DEBUG, INFO, WARN, ERROR, OFF): logging at INFO", level);
    }
    // PDFBox and FontBox warn about every odd glyph of a scraped PDF; the skipped-file warning says enough.
    context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
    context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
    // Vert.x re-registers a few gauges (active connections) per server; Micrometer warns once and keeps the first.
    context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static LogstashEncoder encoder(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.setIncludeContext(false);
    LogstashFieldNames names = new LogstashFieldNames();
    names.setVersion("[ignore]");
    names.setLevelValue("[ignore]");
    encoder.setFieldNames(names);
    SimpleValuesJsonGeneratorDecorator masking = new SimpleValuesJsonGeneratorDecorator();
    masking.addValueMasker(new SecretValueMasker());
    masking.start();
    encoder.setJsonGeneratorDecorator(masking);
    encoder.start();
    return encoder;
  }

  /** The root level a {@code TRADEWIND_LOG_LEVEL} value names; INFO when unset or not a level. */
  static Level rootLevel(String value) {
    return value == null || value.isBlank() || !isLevel(value) ? Level.INFO : Level.toLevel(value.strip());
  }

  private static boolean isLevel(String value) {
    return Level.toLevel(value.strip(), null) != null;
  }
}
