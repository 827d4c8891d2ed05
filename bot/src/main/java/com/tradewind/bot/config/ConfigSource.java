package com.tradewind.bot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Flat configuration keys ({@code http.port}) from three layers, later ones winning: the
 * defaults bundled in the jar, {@code config/application.yaml} (or the file named by
 * {@code TRADEWIND_CONFIG}), and environment variables ({@code TRADEWIND_HTTP_PORT}).
 */
public final class ConfigSource {

  private final Map<String, String> values;
  private final Map<String, String> env;

  private ConfigSource(Map<String, String> values, Map<String, String> env) {
    this.values = values;
    this.env = env;
  }

  /** Loads the three layers; {@code env} is injected so tests do not depend on the process. */
  public static ConfigSource load(Map<String, String> env) {
    Map<String, String> values = new HashMap<>();
    try (InputStream defaults = ConfigSource.class.getResourceAsStream("/application.yaml")) {
      if (defaults != null) {
        flatten("", YAML.readTree(defaults), values);
      }
    } catch (IOException e) {
      throw ConfigException.ofSource("application.yaml", "bundled defaults are unreadable: " + e.getMessage());
    }
    Path file = Path.of(env.getOrDefault("TRADEWIND_CONFIG", "config/application.yaml"));
    if (Files.exists(file)) {
      try {
        flatten("", YAML.readTree(file.toFile()), values);
      } catch (IOException e) {
        throw ConfigException.ofSource("TRADEWIND_CONFIG", file + " is not valid YAML: " + e.getMessage());
      }
    } else if (env.containsKey("TRADEWIND_CONFIG")) {
      throw ConfigException.ofSource("TRADEWIND_CONFIG", "file " + file + " does not exist");
    }
    for (String key : Map.copyOf(values).keySet()) {
      String fromEnv = env.get(envName(key));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    return new ConfigSource(values, Map.copyOf(env));
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
      }
    } else {
      out.put(prefix, node.asText());
    }
  }

  /** {@code knowledge.min-coverage} → {@code TRADEWIND_KNOWLEDGE_MIN_COVERAGE}. */
  public static String envName(String key) {
    return "TRADEWIND_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public String string(String key) {
    String value = values.get(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException(key, "is required");
    }
    return value.strip();
  }

  /**
   * A setting that may be absent, read from a platform's own variable name (e.g.
   * {@code SLACK_HANDOFF_CHANNEL}) before the YAML key; blank means unset.
   */
  public String optionalString(String key, String envVariable) {
    String value = env.get(envVariable);
    if (value == null) {
      value = values.get(key);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The value of {@code key}, or null when it is unset or blank (an optional feature that is off). */
  public String optional(String key) {
    String value = values.get(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public int integer(String key, int min, int max) {
    String value = string(key);
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a whole number, was '" + value + "'");
    }
  }

  public double decimal(String key, double min, double max) {
    String value = string(key);
    try {
      double d = Double.parseDouble(value);
      if (!(d >= min && d <= max)) {
        throw new ConfigException(key, "must be between " + min + " and " + max + ", was " + value);
      }
      return d;
    } catch (NumberFormatException e) {
      throw new ConfigException(key, "must be a number, was '" + value + "'");
    }
  }

  public boolean bool(String key) {
    String value = string(key).toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new ConfigException(key, "must be true or false, was '" + value + "'");
    };
  }

  public <E extends Enum<E>> E choice(String key, Class<E> type) {
    String value = string(key);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
          .toLowerCase(Locale.ROOT) + ", was '" + value + "'");
    }
  }

  public Path path(String key) {
    try {
      return Path.of(string(key));
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(key, "is not a valid path: " + e.getMessage());
    }
  }
}
