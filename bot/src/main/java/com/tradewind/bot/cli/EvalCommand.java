package com.tradewind.bot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "eval", description = "Measure answer quality on the evaluation set.")
final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
