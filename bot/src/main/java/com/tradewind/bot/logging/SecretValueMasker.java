package com.tradewind.bot.logging;

import com.fasterxml.jackson.core.JsonStreamContext;
import net.logstash.logback.mask.ValueMasker;

/**
 * Plugs {@link SecretMasker} into the JSON encoder: every string value written to a log line (the
 * message with its arguments, MDC entries, structured arguments, the stack trace with its
 * exception messages) passes through it, so no logging path can bypass the masking.
 */
public final class SecretValueMasker implements ValueMasker {

  private static volatile SecretMasker masker = SecretMasker.fromEnvironment(System.getenv());

  /** Replaces the secrets to mask (tests; configuration loaded from somewhere other than the environment). */
  public static void use(SecretMasker replacement) {
    masker = replacement;
  }

  /** Fields the encoder fills itself, never with user data: not worth fourteen regular expressions each. */
  private static final java.util.Set<String> OWN_FIELDS = java.util.Set.of("@timestamp", "logger_name", "thread_name",
      "level");

  @Override
  public Object mask(JsonStreamContext context, Object value) {
    if (value instanceof CharSequence text && !(context.getParent() != null && context.getParent().inRoot()
        && OWN_FIELDS.contains(context.getCurrentName()))) {
      String s = text.toString();
      String masked = masker.mask(s);
      return masked.equals(s) ? value : masked;
    }
    return value;
  }
}
