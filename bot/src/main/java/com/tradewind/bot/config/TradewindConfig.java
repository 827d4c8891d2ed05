package com.tradewind.bot.config;

import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.index.ChineseAnalysis;
import com.tradewind.knowledge.search.SearchOptions;
import java.util.Map;

/**
 * The whole configuration, validated once at start-up.
 *
 * @param watchKnowledge re-index when the knowledge folder changes
 * @param delivery the inbox of acknowledged messages (journal, memory or Redis)
 */
public record TradewindConfig(HttpOptions http, KnowledgeOptions knowledge, boolean watchKnowledge,
    ConversationOptions conversation, DeliveryOptions delivery, HandoffOptions handoff) {

  /** Reads and validates everything; a bad value throws {@link ConfigException} naming its key. */
  public static TradewindConfig load(Map<String, String> env) {
    ConfigSource source = ConfigSource.load(env);
    HttpOptions http = new HttpOptions(source.string("http.host"), source.integer("http.port", 0, 65535));
    SearchOptions defaults = SearchOptions.defaults();
    KnowledgeOptions knowledge = new KnowledgeOptions(
        source.path("knowledge.dir"),
        source.path("data.dir"),
        source.path("knowledge.glossary"),
        source.choice("knowledge.chinese-analysis", ChineseAnalysis.class),
        source.integer("knowledge.max-file-mb", 1, 4096) * 1024L * 1024L,
        new SearchOptions(source.decimal("knowledge.min-coverage", 0, 1), defaults.expansionBoost(),
            defaults.maxAnswerSentences()));
    ConversationOptions conversation = new ConversationOptions(source.path("conversation.intents"),
        source.path("conversation.replies"), source.path("orders.sample-file"),
        java.time.Duration.ofMinutes(source.integer("conversation.idle-minutes", 1, 525_600)));
    HandoffOptions handoff = new HandoffOptions(
        java.time.Duration.ofMinutes(source.integer("handoff.timeout-minutes", 1, 10_080)),
        source.optionalString("handoff.slack-channel", "SLACK_HANDOFF_CHANNEL"));
    return new TradewindConfig(http, knowledge, source.bool("knowledge.watch"), conversation,
        DeliveryOptions.from(source), handoff);
  }
}
