package com.tradewind.bot.handoff;

import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.replies.ReplyTemplates;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Hand-off put together for the server: cases saved under the data folder, the web chat's
 * mailbox, and whatever staff desk and buyer channels are configured.
 *
 * @param dialogue what the channels talk to instead of the bare engine
 */
public record HandoffAssembly(HandoffDialogue dialogue, HandoffService service, WebChatMailbox mailbox,
    HandoffRoutes routes) {

  /**
   * @param desk the staff desk (a Slack channel), or {@link StaffDesk#NONE}
   * @param relays how to reach buyers on channels other than the web chat
   */
  public static HandoffAssembly build(Vertx vertx, TradewindConfig config, DialogueEngine engine, StaffDesk desk,
      Map<String, BuyerRelay> relays, Clock clock) throws IOException {
    WebChatMailbox mailbox = new WebChatMailbox(config.conversation().idle(), clock);
    Map<String, BuyerRelay> all = new HashMap<>(relays);
    all.put("web", mailbox);
    HandoffRegistry registry = new FileHandoffRegistry(vertx,
        config.knowledge().dataDir().resolve("handoffs.json"));
    HandoffService service = new HandoffService(vertx, registry, desk, all, engine::release,
        ReplyTemplates.load(config.conversation().repliesDir()), clock, config.handoff().timeout());
    RecentMessages recent = new RecentMessages(12, config.conversation().idle(), 1_000_000);
    return new HandoffAssembly(new HandoffDialogue(engine, service, recent, clock), service, mailbox,
        new HandoffRoutes(service, mailbox));
  }

  /** Starts handing back idle cases. */
  public HandoffAssembly start() {
    service.startTimeouts(Duration.ofSeconds(30));
    return this;
  }
}
