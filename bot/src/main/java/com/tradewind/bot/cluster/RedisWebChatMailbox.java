package com.tradewind.bot.cluster;

import com.tradewind.bot.handoff.HandoffCase;
import com.tradewind.bot.handoff.WebChatMailbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The web chat mailbox in cluster mode: one Redis list per conversation, so the page's polls find
 * staff replies whichever node they reach. Messages are numbered by a counter of their own, so
 * numbers never repeat when LTRIM drops old messages (the list keeps the last {@link #KEEP}).
 */
public final class RedisWebChatMailbox implements WebChatMailbox {

  private final RedisLink redis;
  private final RedisKeys keys;
  private final Duration keepFor;
  private final Clock clock;

  public RedisWebChatMailbox(RedisLink redis, RedisKeys keys, Duration keepFor, Clock clock) {
    this.redis = redis;
    this.keys = keys;
    this.keepFor = keepFor;
    this.clock = clock;
  }

  @Override
  public Future<Void> deliver(HandoffCase handoff, String text, String from) {
    String key = keys.webMailbox(handoff.conversationId());
    JsonObject letter = new JsonObject().put("from", from).put("text", text).put("time", clock.instant().toString());
    return redis.send(Request.cmd(Command.INCR).arg(key + ":seq"))
        .compose(seq -> redis.send(Request.cmd(Command.RPUSH).arg(key).arg(letter.put("seq", seq.toLong()).encode())))
        .compose(len -> redis.send(Request.cmd(Command.LTRIM).arg(key).arg(-KEEP).arg(-1)))
        .compose(ok -> redis.send(Request.cmd(Command.PEXPIRE).arg(key).arg(keepFor.toMillis())))
        .compose(ok -> redis.send(Request.cmd(Command.PEXPIRE).arg(key + ":seq").arg(keepFor.toMillis())))
        .mapEmpty();
  }

  @Override
  public Future<List<Letter>> after(String conversationId, long seq) {
    return redis.send(Request.cmd(Command.LRANGE).arg(keys.webMailbox(conversationId)).arg(0).arg(-1)).map(all -> {
      List<Letter> out = new ArrayList<>();
      if (all != null) {
        for (Response r : all) {
          JsonObject j = new JsonObject(r.toString());
          if (j.getLong("seq") > seq) {
            out.add(new Letter(j.getLong("seq"), j.getString("from"), j.getString("text"), Instant.parse(j.getString("time"))));
          }
        }
      }
      return out;
    });
  }
}
