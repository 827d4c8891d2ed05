package com.tradewind.bot.cli;

import com.tradewind.bot.conversation.BotReply;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.conversation.Turn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/** The same conversation as the web chat, in a terminal: type a message, or a button's number. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "Talk to the bot in the terminal (same pipeline as the web chat).")
final class ChatCommand implements Callable<Integer> {

  @Override
  public Integer call() throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (BotRuntime bot = BotRuntime.start()) {
      DialogueEngine engine = bot.dialogue();
      String conversation = "cli:" + UUID.randomUUID();
      out.println("Tradewind chat — type a message (Ctrl-D to quit).");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      List<BotReply.Button> buttons = List.of();
      String line;
      while (true) {
        out.print("> ");
        if ((line = in.readLine()) == null) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        String action = null;
        if (line.strip().matches("\\d") && Integer.parseInt(line.strip()) - 1 < buttons.size()
            && Integer.parseInt(line.strip()) > 0) {
          BotReply.Button b = buttons.get(Integer.parseInt(line.strip()) - 1);
          action = b.id();
          line = b.label();
        }
        if (line.length() > 4000) {
          out.println("(message longer than 4000 characters)");
          continue;
        }
        Turn turn = engine.handle(new IncomingMessage("cli", "cli", conversation, line, action)).await(30, TimeUnit.SECONDS);
        if (turn.reply() == null) {
          out.println("(a person from our team will answer here)");
          buttons = List.of();
          continue;
        }
        out.println(turn.reply().text());
        for (BotReply.Source s : turn.reply().sources()) {
          out.println("  source: " + s.title() + (s.section().isEmpty() ? "" : " › " + s.section()) + " (" + s.path() + ")");
        }
        buttons = turn.reply().buttons();
        for (int i = 0; i < buttons.size(); i++) {
          out.println("  [" + (i + 1) + "] " + buttons.get(i).label());
        }
      }
      return 0;
    }
  }
}
