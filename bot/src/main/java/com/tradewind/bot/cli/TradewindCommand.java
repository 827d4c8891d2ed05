package com.tradewind.bot.cli;

import com.tradewind.bot.config.ConfigException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar tradewind.jar <command>}: the entry point of the runnable jar. */
@Command(name = "tradewind", mixinStandardHelpOptions = true, version = "Tradewind 0.1",
    description = "Self-hostable support assistant for cross-border e-commerce.")
public final class TradewindCommand implements Runnable {

  /** Every subcommand, in the order usage lists them; a holder, so that plain {@code serve} never builds it. */
  private static final class Subcommands {
    static final Map<String, Supplier<Object>> ALL = subcommands();
  }

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  private static Map<String, Supplier<Object>> subcommands() {
    Map<String, Supplier<Object>> all = new LinkedHashMap<>();
    all.put("serve", ServeCommand::new);
    all.put("chat", ChatCommand::new);
    all.put("index", IndexCommand::new);
    all.put("ask", AskCommand::new);
    all.put("eval", EvalCommand::new);
    all.put("bench", BenchCommand::new);
    all.put("eval-chat", EvalChatCommand::new);
    all.put("bench-chat", BenchChatCommand::new);
    all.put("bench-orders", BenchOrdersCommand::new);
    all.put("bench-slack", BenchSlackCommand::new);
    all.put("bench-inbox", BenchInboxCommand::new);
    all.put("bench-ops", BenchOpsCommand::new);
    all.put("bench-soak", BenchSoakCommand::new);
    all.put("bench-crash", BenchCrashCommand::new);
    return all;
  }

  /** The command line with every subcommand, for usage, help and tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TradewindCommand());
    Subcommands.ALL.forEach((name, command) -> cli.addSubcommand(name, command.get()));
    return cli;
  }

  /**
   * The command line for these arguments: when the first one names a subcommand, only that one is
   * built. Picocli reads every subcommand's annotations by reflection, which cost a quarter of a
   * second of the main thread's CPU before {@code serve} could start; usage and unknown commands
   * still see all of them.
   */
  static CommandLine commandLine(String[] args) {
    Supplier<Object> only = args.length > 0 ? Subcommands.ALL.get(args[0]) : null;
    if (only == null) {
      return commandLine();
    }
    CommandLine cli = new CommandLine(new TradewindCommand());
    cli.addSubcommand(args[0], only.get());
    return cli;
  }

  public static void main(String[] args) {
    com.tradewind.knowledge.lang.LanguageDetector.sizeCommonPool();
    if (args.length == 1 && args[0].equals("serve")) {
      // How the bot runs, and the one command whose start-up time matters: it takes no options,
      // so picocli's model (a tenth of a second of this thread on the way to readiness) is not
      // built. "serve --help" and everything else go through picocli.
      int code = run(new ServeCommand(), new PrintWriter(System.err, true));
      if (code != 0) {
        System.exit(code);
      }
      return;
    }
    CommandLine cli = commandLine(args);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (isExpected(e)) {
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

  /** Calls a command as picocli would: an expected failure is one line on {@code err} and exit code 2. */
  static int run(Callable<Integer> command, PrintWriter err) {
    try {
      return command.call();
    } catch (Exception e) {
      if (isExpected(e)) {
        err.println("error: " + e.getMessage());
        return 2;
      }
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    }
  }

  /** Bad configuration, an unreadable folder: one clear line, not a stack trace. */
  private static boolean isExpected(Exception e) {
    return e instanceof ConfigException || e instanceof java.io.IOException || e instanceof IllegalArgumentException;
  }
}
