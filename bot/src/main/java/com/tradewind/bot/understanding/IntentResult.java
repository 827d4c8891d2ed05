package com.tradewind.bot.understanding;

/** An intent with how sure the classifier is (0..1). */
public record IntentResult(String intent, double confidence) {

  public static final String UNKNOWN = "unknown";
}
