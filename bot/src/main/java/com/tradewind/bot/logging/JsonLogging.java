package com.tradewind.bot.logging;

import java.util.Map;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Sends java.util.logging (Lucene, Selenium and some JDK parts log there) through SLF4J as well,
 * so those lines are JSON and masked like the rest instead of plain text on stderr.
 */
public final class JsonLogging {

  private JsonLogging() {}

  /** Routes JUL into SLF4J and masks the given environment's secrets; safe to call more than once. */
  public static synchronized void install(Map<String, String> env) {
    SecretValueMasker.use(SecretMasker.fromEnvironment(env));
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
