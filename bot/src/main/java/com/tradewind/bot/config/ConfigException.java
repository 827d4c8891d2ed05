package com.tradewind.bot.config;

/** A configuration value that is missing or invalid; the message names the key and its variable. */
public final class ConfigException extends RuntimeException {

  private final String key;

  public ConfigException(String key, String message) {
    super("configuration " + key + " (env " + ConfigSource.envName(key) + "): " + message);
    this.key = key;
  }

  public String key() {
    return key;
  }
}
