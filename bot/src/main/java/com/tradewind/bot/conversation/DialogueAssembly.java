package com.tradewind.bot.conversation;

import com.github.benmanes.caffeine.cache.Ticker;
import com.tradewind.bot.commerce.CommerceDesk;
import com.tradewind.bot.commerce.CommerceLookup;
import com.tradewind.bot.commerce.OrderAccess;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.understanding.ConversationLanguage;
import com.tradewind.bot.understanding.EntityExtractor;
import com.tradewind.connectors.commerce.sample.SampleStore;
import com.tradewind.knowledge.lang.LanguageDetector;
import java.io.IOException;
import java.time.Clock;

/** Builds the dialogue engine from configuration; a missing or broken data file fails start-up, naming it. */
public final class DialogueAssembly {

  private DialogueAssembly() {}

  /** With the bundled sample store, open to web-chat users (what tests and a fresh install use). */
  public static DialogueEngine build(ConversationOptions options, KnowledgeService knowledge, LanguageDetector detector)
      throws IOException {
    return build(options, knowledge, detector, new InMemoryConversationStore(options.idle(), 1_000_000,
        Ticker.systemTicker()), sampleStore(options));
  }

  /** The bundled sample store, open to web-chat users. */
  public static CommerceLookup sampleStore(ConversationOptions options) throws IOException {
    SampleStore sample = new SampleStore(options.sampleOrders(), Clock.systemUTC());
    return new CommerceDesk(sample, sample, new OrderAccess(OrderAccess.WebAccess.OPEN, java.util.Map.of()),
        java.time.Duration.ofDays(7));
  }

  /** With the given order and parcel lookups and conversations in memory. */
  public static DialogueEngine build(ConversationOptions options, KnowledgeService knowledge, LanguageDetector detector,
      CommerceLookup commerce) throws IOException {
    return build(options, knowledge, detector, new InMemoryConversationStore(options.idle(), 1_000_000,
        Ticker.systemTicker()), commerce);
  }

  /**
   * @param store Redis in cluster mode, so every node sees the same state
   * @param commerce the order and parcel lookups (see {@code CommerceAssembly})
   */
  public static DialogueEngine build(ConversationOptions options, KnowledgeService knowledge, LanguageDetector detector,
      ConversationStore store, CommerceLookup commerce) throws IOException {
    return build(DialogueData.load(options), knowledge, detector, store, commerce);
  }

  /** From data loaded beforehand (see {@link DialogueData}). */
  public static DialogueEngine build(DialogueData data, KnowledgeService knowledge, LanguageDetector detector,
      ConversationStore store, CommerceLookup commerce) {
    return new DialogueEngine(
        store,
        new ConversationLanguage(detector),
        data.intents(),
        new EntityExtractor(),
        data.replies(),
        commerce,
        knowledge,
        Clock.systemUTC());
  }
}
