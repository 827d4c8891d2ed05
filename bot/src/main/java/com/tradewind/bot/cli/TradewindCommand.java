package com.tradewind.bot.cli;

import com.tradewind.bot.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar tradewind.jar <command>}: the entry point of the runnable jar. */
@Command(name = "tradewind", mixinStandardHelpOptions = true, version = "Tradewind 0.1",
    description = "Self-hostable support assistant for cross-border e-commerce.",
    subcommands = {ServeCommand.class, ChatCommand.class, IndexCommand.class, AskCommand.class, EvalCommand.class,
        BenchCommand.class, EvalChatCommand.class, BenchChatCommand.class, BenchOrdersCommand.class,
        BenchSlackCommand.class, BenchInboxCommand.class, BenchOpsCommand.class, BenchSoakCommand.class,
        BenchCrashCommand.class})
public final class TradewindCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    com.tradewind.knowledge.lang.LanguageDetector.sizeCommonPool();
    CommandLine cli = new CommandLine(new TradewindCommand());
    // Expected failures (bad configuration, unreadable folder) are one clear line, not a stack trace.
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException || e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
        commandLine.getErr().println("error: " + e.getMessage());
        return 2;
      }
      throw e;
    });
    int code = cli.execute(args);
    if (code != 0 || !(cli.getParseResult() != null && cli.getParseResult().hasSubcommand()
        && cli.getParseResult().subcommand().commandSpec().name().equals("serve"))) {
      System.exit(code);
    }
  }
}
