package com.tradewind.bot.conversation;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.commerce.SampleStore;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.replies.ReplyTemplates;
import com.tradewind.bot.understanding.ConversationLanguage;
import com.tradewind.bot.understanding.EntityExtractor;
import com.tradewind.bot.understanding.IntentClassifier;
import com.tradewind.knowledge.lang.LanguageDetector;
import java.io.IOException;
import java.time.Clock;

/** Builds the dialogue engine from configuration; a missing or broken data file fails start-up, naming it. */
public final class DialogueAssembly {

  private DialogueAssembly() {}

  public static DialogueEngine build(ConversationOptions options, KnowledgeService knowledge, LanguageDetector detector)
      throws IOException {
    return build(options, knowledge, detector, new InMemoryConversationStore(options.idle(), 1_000_000,
        Ticker.systemTicker()));
  }

  /** With a given conversation store: Redis in cluster mode, so every node sees the same state. */
  public static DialogueEngine build(ConversationOptions options, KnowledgeService knowledge, LanguageDetector detector,
      ConversationStore store) throws IOException {
    return new DialogueEngine(
        store,
        new ConversationLanguage(detector),
        IntentClassifier.load(options.intentsDir()),
        new EntityExtractor(),
        ReplyTemplates.load(options.repliesDir()),
        new SampleStore(options.sampleOrders()),
        knowledge,
        Clock.systemUTC());
  }
}
