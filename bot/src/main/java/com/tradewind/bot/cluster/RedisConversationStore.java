package com.tradewind.bot.cluster;

import com.tradewind.bot.conversation.ConversationState;
import com.tradewind.bot.conversation.ConversationStore;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conversation state shared by all nodes: one JSON string per conversation, expiring after the
 * idle time; reading it (GETEX) restarts the idle time, as the in-memory store's access expiry does.
 */
public final class RedisConversationStore implements ConversationStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisConversationStore.class);

  private final RedisLink redis;
  private final RedisKeys keys;
  private final Duration idle;

  public RedisConversationStore(RedisLink redis, RedisKeys keys, Duration idle) {
    this.redis = redis;
    this.keys = keys;
    this.idle = idle;
  }

  @Override
  public Future<Optional<ConversationState>> get(String conversationId) {
    return redis.send(Request.cmd(Command.GETEX).arg(keys.conversation(conversationId)).arg("PX").arg(idle.toMillis()))
        .map(r -> r == null ? Optional.<ConversationState>empty() : decode(conversationId, r.toString()));
  }

  @Override
  public Future<Void> put(ConversationState state) {
    return redis.send(Request.cmd(Command.SET).arg(keys.conversation(state.id())).arg(encode(state).encode())
        .arg("PX").arg(idle.toMillis())).mapEmpty();
  }

  static JsonObject encode(ConversationState s) {
    return new JsonObject().put("id", s.id()).put("language", s.language()).put("pending", s.pending())
        .put("lastOrderId", s.lastOrderId()).put("lastTrackingNumber", s.lastTrackingNumber())
        .put("handoff", s.handoff()).put("updatedAt", s.updatedAt() == null ? null : s.updatedAt().toEpochMilli());
  }

  /** A value another version wrote, or garbage, starts the conversation afresh rather than failing it. */
  static Optional<ConversationState> decode(String id, String value) {
    try {
      JsonObject j = new JsonObject(value);
      Long updated = j.getLong("updatedAt");
      return Optional.of(new ConversationState(id, j.getString("language"), j.getString("pending"),
          j.getString("lastOrderId"), j.getString("lastTrackingNumber"), j.getBoolean("handoff", false),
          updated == null ? null : Instant.ofEpochMilli(updated)));
    } catch (DecodeException | ClassCastException e) {
      LOG.warn("conversation {}: stored state is unreadable, starting afresh", id);
      return Optional.empty();
    }
  }
}
