package com.tradewind.bot.ops;

import com.tradewind.bot.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the operations features.
 *
 * @param adminToken {@code TRADEWIND_ADMIN_TOKEN}; null keeps the dashboard off
 * @param insightFile the insight journal, under the data dir
 */
public record OpsOptions(String adminToken, Path insightFile) {

  static final String TOKEN_VARIABLE = "TRADEWIND_ADMIN_TOKEN";
  static final int MIN_TOKEN = 16;

  /** Reads the token from the environment (a secret: never from the YAML file); a short token fails start-up. */
  public static OpsOptions load(Map<String, String> env, Path dataDir) {
    String token = env.get(TOKEN_VARIABLE);
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.strip().length() < MIN_TOKEN) {
      throw new ConfigException("admin.token", "must be at least " + MIN_TOKEN
          + " characters; generate one with: openssl rand -hex 24");
    }
    return new OpsOptions(token == null ? null : token.strip(), dataDir.resolve("insight").resolve("insight.jsonl"));
  }
}
