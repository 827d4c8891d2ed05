package com.tradewind.bot.conversation;

import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.bot.understanding.IntentClassifier;
import java.io.IOException;

/**
 * What the dialogue engine reads from the configuration folder: the intent classifier trained on
 * its examples and the reply texts. Loaded apart from the engine so that {@code serve} can load it
 * on another thread while Vert.x starts: training the classifier was the longest single step of
 * the main thread on the way to readiness.
 */
public record DialogueData(IntentClassifier intents, ReplyTemplates replies) {

  /** Reads and trains from {@code options}' folders; a missing or broken file fails, naming it. */
  public static DialogueData load(ConversationOptions options) throws IOException {
    return new DialogueData(IntentClassifier.load(options.intentsDir()), ReplyTemplates.load(options.repliesDir()));
  }
}
