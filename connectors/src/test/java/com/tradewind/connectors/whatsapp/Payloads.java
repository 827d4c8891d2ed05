package com.tradewind.connectors.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Recorded payloads under {@code src/test/resources/whatsapp}, read as the exact bytes. */
final class Payloads {

  private Payloads() {}

  static byte[] bytes(String name) {
    try (InputStream in = Payloads.class.getResourceAsStream("/whatsapp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test payload " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
  }
}
