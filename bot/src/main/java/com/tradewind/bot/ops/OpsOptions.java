package com.tradewind.bot.ops;

import com.tradewind.bot.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings of the operations features.
 *
 * @param adminToken {@code TRADEWIND_ADMIN_TOKEN}; null keeps the dashboard off
 * @param insightFile the insight journal, under the data dir
 * @param insightPostgres {@code TRADEWIND_INSIGHT_POSTGRES}: a PostgreSQL URI to share the insight
 *     history between nodes (cluster mode), or null for the journal file
 */
public record OpsOptions(String adminToken, Path insightFile, String insightPostgres) {

  static final String TOKEN_VARIABLE = "TRADEWIND_ADMIN_TOKEN";
  static final int MIN_TOKEN = 16;
  static final String POSTGRES_VARIABLE = "TRADEWIND_INSIGHT_POSTGRES";

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
    String postgres = env.get(POSTGRES_VARIABLE);
    if (postgres != null && postgres.isBlank()) {
      postgres = null;
    }
    if (postgres != null && !postgres.strip().matches("postgres(ql)?://\\S+")) {
      throw new ConfigException("insight.postgres", "must be a URI such as postgresql://user@host:5432/database");
    }
    return new OpsOptions(token == null ? null : token.strip(), dataDir.resolve("insight").resolve("insight.jsonl"),
        postgres == null ? null : postgres.strip());
  }
}
