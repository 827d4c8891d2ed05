package com.tradewind.bot.cluster;

import com.tradewind.bot.handoff.HandoffCase;
import com.tradewind.bot.handoff.HandoffRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-off cases shared by all nodes: a staff reply arriving at any node finds its case, and a
 * case is handed back once even when several nodes' timers see it expire (HDEL answers 1 to one
 * of them only).
 */
public final class RedisHandoffRegistry implements HandoffRegistry {

  private final RedisLink redis;
  private final RedisKeys keys;

  public RedisHandoffRegistry(RedisLink redis, RedisKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public Future<Void> put(HandoffCase handoff) {
    Future<Response> saved = redis.send(Request.cmd(Command.HSET).arg(keys.handoffs()).arg(handoff.conversationId())
        .arg(handoff.toJson().encode()));
    if (handoff.threadId() == null) {
      return saved.mapEmpty();
    }
    return saved.compose(r -> redis.send(Request.cmd(Command.HSET).arg(keys.handoffThreads()).arg(handoff.threadId())
        .arg(handoff.conversationId()))).mapEmpty();
  }

  @Override
  public Future<Optional<HandoffCase>> byConversation(String conversationId) {
    return redis.send(Request.cmd(Command.HGET).arg(keys.handoffs()).arg(conversationId)).map(RedisHandoffRegistry::decode);
  }

  @Override
  public Future<Optional<HandoffCase>> byThread(String threadId) {
    if (threadId == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis.send(Request.cmd(Command.HGET).arg(keys.handoffThreads()).arg(threadId))
        .compose(conversation -> conversation == null ? Future.succeededFuture(Optional.<HandoffCase>empty())
            : byConversation(conversation.toString()));
  }

  @Override
  public Future<Optional<HandoffCase>> remove(String conversationId) {
    return byConversation(conversationId).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.<HandoffCase>empty());
      }
      return redis.send(Request.cmd(Command.HDEL).arg(keys.handoffs()).arg(conversationId)).compose(deleted -> {
        if (deleted.toInteger() == 0) {
          return Future.succeededFuture(Optional.<HandoffCase>empty()); // another node got there first
        }
        String thread = found.get().threadId();
        Future<Response> unlinked = thread == null ? Future.succeededFuture()
            : redis.send(Request.cmd(Command.HDEL).arg(keys.handoffThreads()).arg(thread));
        return unlinked.map(found);
      });
    });
  }

  @Override
  public Future<List<HandoffCase>> all() {
    return redis.send(Request.cmd(Command.HVALS).arg(keys.handoffs())).map(values -> {
      List<HandoffCase> out = new ArrayList<>();
      for (Response value : values) {
        decode(value).ifPresent(out::add);
      }
      return out;
    });
  }

  private static Optional<HandoffCase> decode(Response value) {
    return value == null ? Optional.empty() : Optional.of(HandoffCase.fromJson(new JsonObject(value.toString())));
  }
}
