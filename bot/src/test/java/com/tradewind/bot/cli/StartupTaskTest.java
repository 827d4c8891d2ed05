package com.tradewind.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class StartupTaskTest {

  @Test
  void theWorkRunsOnANamedThreadOfItsOwn() throws Exception {
    StartupTask<String> task = StartupTask.start("test-startup", () -> Thread.currentThread().getName());
    assertEquals("test-startup", task.get());
    assertNotEquals("test-startup", Thread.currentThread().getName());
  }

  @Test
  void aFailureIsThrownAsItWasThrownSoStartUpReportsItAsUsual() {
    StartupTask<Object> task = StartupTask.start("test-failing", () -> {
      throw new IOException("config/intents: no such folder");
    });
    IOException e = assertThrows(IOException.class, task::get);
    assertEquals("config/intents: no such folder", e.getMessage());
  }
}
