package com.tradewind.bot.config;

/** A configuration value that is missing or invalid; the message names the key and its variable. */
public final class ConfigException extends RuntimeException {

  private final String key;

  /** A bad value of {@code key}; the message also names the key's environment variable. */
  public ConfigException(String key, String message) {
    this(key, message, true);
  }

  private ConfigException(String key, String message, boolean isKey) {
    super("configuration " + key + (isKey ? " (env " + ConfigSource.envName(key) + ")" : "") + ": " + message);
    this.key = key;
  }

  /**
   * A problem with a configuration file rather than with one key: {@code source} is the file or
   * the variable naming it ({@code TRADEWIND_CONFIG}) and is quoted as is, not turned into a
   * variable name of its own.
   */
  static ConfigException ofSource(String source, String message) {
    return new ConfigException(source, message, false);
  }

  public String key() {
    return key;
  }
}
