package com.tradewind.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TradewindCommandTest {

  private static final List<String> ALL = List.of("serve", "chat", "index", "ask", "eval", "bench", "eval-chat",
      "bench-chat", "bench-orders", "bench-slack", "bench-inbox", "bench-ops", "bench-soak", "bench-crash");

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    CommandLine cli = TradewindCommand.commandLine(new String[] {"serve"});
    assertEquals(List.of("serve"), List.copyOf(cli.getSubcommands().keySet()));
    assertEquals("serve", cli.parseArgs("serve").subcommand().commandSpec().name());
  }

  @Test
  void usageAndUnknownCommandsSeeEverySubcommand() {
    assertEquals(ALL, List.copyOf(TradewindCommand.commandLine(new String[0]).getSubcommands().keySet()));
    CommandLine cli = TradewindCommand.commandLine(new String[] {"serv"});
    assertEquals(ALL, List.copyOf(cli.getSubcommands().keySet()));
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute("serv"));
    assertTrue(err.toString().contains("Did you mean: tradewind serve"), err.toString());
  }

  @Test
  void subcommandNamesMatchTheirAnnotations() {
    CommandLine cli = TradewindCommand.commandLine();
    cli.getSubcommands().forEach((name, sub) -> assertEquals(name, sub.getCommandSpec().userObject().getClass()
        .getAnnotation(CommandLine.Command.class).name()));
  }

  @Test
  void everySubcommandAnswersHelp() {
    for (String name : ALL) {
      StringWriter out = new StringWriter();
      CommandLine cli = TradewindCommand.commandLine(new String[] {name});
      cli.setOut(new PrintWriter(out));
      assertEquals(0, cli.execute(name, "--help"), name);
      assertTrue(out.toString().startsWith("Usage: tradewind " + name), out.toString());
    }
  }

  @Test
  void aCommandRunWithoutPicocliReportsExpectedFailuresAsPicocliDoes() {
    StringWriter err = new StringWriter();
    int code = TradewindCommand.run(() -> {
      throw new com.tradewind.bot.config.ConfigException("http.port", "must be a whole number, was 'abc'");
    }, new PrintWriter(err, true));
    assertEquals(2, code);
    assertEquals("error: configuration http.port (env TRADEWIND_HTTP_PORT): must be a whole number, was 'abc'",
        err.toString().strip());
    assertEquals(0, TradewindCommand.run(() -> 0, new PrintWriter(err, true)));
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> TradewindCommand.run(() -> {
          throw new IllegalStateException("a bug");
        }, new PrintWriter(err, true)), "unexpected failures are not dressed up as configuration errors");
  }
}
