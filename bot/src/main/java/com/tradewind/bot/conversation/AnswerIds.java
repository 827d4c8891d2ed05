package com.tradewind.bot.conversation;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids of knowledge answers. Random rather than sequential so that a button id seen in one chat
 * does not let anyone guess and vote on other people's answers; short enough for every channel's
 * button id limit (Slack action values, WhatsApp reply ids).
 */
public final class AnswerIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{20}");

  private AnswerIds() {}

  public static String next() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Whether a string coming back from a channel can be an answer id at all. */
  public static boolean isWellFormed(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }
}
