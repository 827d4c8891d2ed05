package com.tradewind.bot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JsonLogConfiguratorTest {

  @Test
  void theRunningContextWasSetUpByTheConfiguratorNotByXml() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(JsonLogConfigurator.APPENDER);
    ConsoleAppender<ILoggingEvent> console = assertInstanceOf(ConsoleAppender.class, appender);
    assertInstanceOf(LogstashEncoder.class, console.getEncoder());
    assertEquals("System.err", console.getTarget());
  }

  @Test
  void aFreshContextGetsOneMaskedJsonAppenderAndQuietLibraries() {
    LoggerContext context = new LoggerContext();
    JsonLogConfigurator configurator = new JsonLogConfigurator();
    configurator.setContext(context);
    assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configurator.configure(context));
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<ILoggingEvent> console =
        assertInstanceOf(ConsoleAppender.class, root.getAppender(JsonLogConfigurator.APPENDER));
    assertTrue(console.isStarted());
    LogstashEncoder encoder = assertInstanceOf(LogstashEncoder.class, console.getEncoder());
    assertInstanceOf(SimpleValuesJsonGeneratorDecorator.class, encoder.getJsonGeneratorDecorator());
    assertEquals(Level.ERROR, context.getLogger("org.apache.pdfbox.pdmodel").getEffectiveLevel());
    assertEquals(Level.ERROR, context.getLogger("io.micrometer.core.instrument.MeterRegistry").getEffectiveLevel());
    context.stop();
  }

  @Test
  void theRootLevelComesFromTheVariableAndFallsBackToInfo() {
    assertEquals(Level.INFO, JsonLogConfigurator.rootLevel(null));
    assertEquals(Level.INFO, JsonLogConfigurator.rootLevel(" "));
    assertEquals(Level.DEBUG, JsonLogConfigurator.rootLevel("debug"));
    assertEquals(Level.WARN, JsonLogConfigurator.rootLevel(" WARN "));
    assertEquals(Level.INFO, JsonLogConfigurator.rootLevel("loud"), "logback alone would turn an unknown name into DEBUG");
  }
}
