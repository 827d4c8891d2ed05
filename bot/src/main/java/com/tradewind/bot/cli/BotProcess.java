package com.tradewind.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code tradewind serve} in a process of its own, started from this JVM's class path (the
 * runnable jar, or the test class path in the test suite) with the environment it is given, its
 * log in a file. {@link #kill()} is SIGKILL: no shutdown hook, no flush.
 */
final class BotProcess {

  private static final Pattern LISTENING = Pattern.compile("Tradewind listening on http://localhost:(\\d+)/");

  private final Process process;
  private final Path log;
  private final long startedAt;
  private volatile long killedAt;

  private BotProcess(Process process, Path log, long startedAt) {
    this.process = process;
    this.log = log;
    this.startedAt = startedAt;
  }

  /**
   * Starts {@code serve} with {@code env} added to this process's environment minus its own
   * Tradewind, Slack and WhatsApp settings (so a developer's shell cannot point the child at a real
   * workspace or a shared database).
   */
  static BotProcess start(Map<String, String> env, List<String> jvmOptions, Path log) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), TradewindCommand.class.getName(), "serve"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> childEnv = builder.environment();
    childEnv.keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("WHATSAPP_")
        || k.startsWith("TRADEWIND_") && !k.equals("TRADEWIND_CONFIG"));
    childEnv.putAll(env);
    long now = System.nanoTime();
    return new BotProcess(builder.start(), log, now);
  }

  /** Waits for the HTTP port in the log; fails with the log's tail when the process ends or takes too long. */
  int awaitPort(long timeoutSeconds) throws IOException, InterruptedException {
    long deadline = startedAt + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (true) {
      if (Files.exists(log)) {
        Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
        if (m.find()) {
          return Integer.parseInt(m.group(1));
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the bot process ended (exit " + process.exitValue() + ") before listening: "
            + tail());
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the bot process did not listen within " + timeoutSeconds + " s: " + tail());
      }
      Thread.sleep(20);
    }
  }

  /** SIGKILL (on Linux {@link Process#destroyForcibly()}); returns the {@link System#nanoTime()} just before it. */
  long kill() throws InterruptedException {
    killedAt = System.nanoTime();
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return killedAt;
  }

  /** SIGTERM and wait: the shutdown {@code serve} does for an orchestrator. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
    return process.exitValue();
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** When {@link #kill()} was called ({@link System#nanoTime()}), 0 if it was not. */
  long killedAt() {
    return killedAt;
  }

  Path log() {
    return log;
  }

  /** The last lines of the log, for a failure message. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
