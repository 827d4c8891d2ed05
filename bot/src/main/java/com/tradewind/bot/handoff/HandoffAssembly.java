package com.tradewind.bot.handoff;

import com.tradewind.bot.cluster.RedisHandoffRegistry;
import com.tradewind.bot.cluster.RedisKeys;
import com.tradewind.bot.cluster.RedisLink;
import com.tradewind.bot.cluster.RedisWebChatMailbox;
import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.DialogueEngine;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-off put together for the server: cases and web chat mailboxes in Redis in cluster mode
 * (any node may take a staff reply or a page's poll), under the data folder and in memory
 * otherwise. Channels register their staff desk and buyer relays on {@link #service()}.
 *
 * @param dialogue what the channels talk to instead of the bare engine
 */
public record HandoffAssembly(HandoffDialogue dialogue, HandoffService service, WebChatMailbox mailbox,
    HandoffRoutes routes) {

  public static HandoffAssembly build(Vertx vertx, TradewindConfig config, DialogueEngine engine,
      Optional<RedisLink> redis, Clock clock) {
    Duration keep = config.conversation().idle();
    HandoffRegistry registry;
    WebChatMailbox mailbox;
    if (redis.isPresent()) {
      RedisKeys keys = new RedisKeys(config.delivery().redisKeyPrefix());
      registry = new RedisHandoffRegistry(redis.get(), keys);
      mailbox = new RedisWebChatMailbox(redis.get(), keys, keep, clock);
    } else {
      registry = new FileHandoffRegistry(vertx, config.knowledge().dataDir().resolve("handoffs.json"));
      mailbox = new InMemoryWebChatMailbox(keep, clock);
    }
    HandoffService service = new HandoffService(vertx, registry, StaffDesk.NONE, Map.of("web", mailbox),
        engine::release, engine.replies(), clock, config.handoff().timeout());
    RecentMessages recent = new RecentMessages(12, keep, 1_000_000);
    return new HandoffAssembly(new HandoffDialogue(engine, service, recent, clock), service, mailbox,
        new HandoffRoutes(service, mailbox));
  }

  /** Starts handing back idle cases. */
  public HandoffAssembly start() {
    service.startTimeouts(Duration.ofSeconds(30));
    return this;
  }
}
