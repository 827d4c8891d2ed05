package com.tradewind.bot.cluster;

import com.tradewind.bot.delivery.ChannelProcessors;
import com.tradewind.bot.delivery.ConversationLanes;
import com.tradewind.bot.delivery.DeliveryCounters;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.InboundMessageJson;
import com.tradewind.bot.delivery.ProcessingAttempts;
import com.tradewind.bot.delivery.ProcessingAttempts.Outcome;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster inbox: every node offers into one Redis stream and reads it through one consumer
 * group (one consumer per node), so each message goes to one node. {@link #offer} claims all
 * dedupe keys, numbers the message within its conversation and appends it in one Lua script, so
 * a redelivery to any node, at any time within the dedupe period, is a duplicate.
 *
 * <p>Order: a node processes message n of a conversation only once the conversation's
 * {@code done} counter says n-1 was answered, wherever it was; while an earlier message is in
 * flight on another node the later one waits (polling with backoff), and when the earlier one
 * is queued on this node (claimed from a dead node after the later one arrived) the later one
 * steps back behind it. Answering sets
 * {@code done}, acknowledges and deletes the entry in one script, so a message answered before
 * a crash is never answered again by the node that claims it.
 *
 * <p>Crashes: a node refreshes the idle time of the entries it holds; entries idle longer than
 * {@code claimIdle} belong to a dead node and are claimed (XAUTOCLAIM) by the others. A node
 * that was only stalled that long (a long GC pause, a starved CPU) has lost those entries: its
 * refresh renews only entries the group still gives to it, and before processing a message it
 * checks, in the same script that reads the conversation's {@code done} counter, that the message
 * is still its own; one taken over is dropped, not answered a second time. What stays possible
 * is a stall in the middle of answering, longer than {@code claimIdle}, whose reply then goes out
 * from both nodes.
 */
public final class RedisInbox implements Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(RedisInbox.class);

  /** KEYS: dedupe keys…, order hash, stream. ARGV: ttl s, key count, message JSON, id. */
  private static final String OFFER = """
      local n = tonumber(ARGV[2])
      for i = 1, n do
        if redis.call('EXISTS', KEYS[i]) == 1 then return 0 end
      end
      for i = 1, n do
        redis.call('SET', KEYS[i], ARGV[4], 'EX', ARGV[1])
      end
      local seq = redis.call('HINCRBY', KEYS[n + 1], 'seq', 1)
      redis.call('EXPIRE', KEYS[n + 1], ARGV[1])
      redis.call('XADD', KEYS[n + 2], '*', 'seq', seq, 'msg', ARGV[3])
      return seq
      """;

  /** KEYS: order hash, stream, failed count, failed list. ARGV: group, entry id, seq, ttl s, failure JSON or ''. */
  private static final String FINISH = """
      local done = tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
      if tonumber(ARGV[3]) > done then redis.call('HSET', KEYS[1], 'done', ARGV[3]) end
      redis.call('EXPIRE', KEYS[1], ARGV[4])
      redis.call('XACK', KEYS[2], ARGV[1], ARGV[2])
      redis.call('XDEL', KEYS[2], ARGV[2])
      if ARGV[5] ~= '' then
        redis.call('INCR', KEYS[3])
        redis.call('LPUSH', KEYS[4], ARGV[5])
        redis.call('LTRIM', KEYS[4], 0, 999)
      end
      return 1
      """;

  /**
   * Whether this consumer still owns a pending entry: 1 when it does (its idle time is then reset,
   * which tells the others this node is alive), 2 when another consumer took it over, 0 when it
   * is no longer pending (answered and removed).
   */
  private static final String OWNERSHIP = """
      local function ownership(stream, group, consumer, id)
        local p = redis.call('XPENDING', stream, group, id, id, 1)
        if #p == 0 then return 0 end
        if p[1][2] ~= consumer then return 2 end
        redis.call('XCLAIM', stream, group, consumer, 0, id, 'JUSTID')
        return 1
      end
      """;

  /** KEYS: stream. ARGV: group, this consumer, entry ids…. The {@link #OWNERSHIP} of each. */
  private static final String RENEW = OWNERSHIP + """
      local states = {}
      for i = 3, #ARGV do
        states[#states + 1] = ownership(KEYS[1], ARGV[1], ARGV[2], ARGV[i])
      end
      return states
      """;

  /** KEYS: order hash, stream. ARGV: group, this consumer, entry id. The conversation's done counter and the entry's {@link #OWNERSHIP}. */
  private static final String TURN = OWNERSHIP + """
      local done = tonumber(redis.call('HGET', KEYS[1], 'done') or '0')
      return {done, ownership(KEYS[2], ARGV[1], ARGV[2], ARGV[3])}
      """;

  private static final int READ_COUNT = 64;
  private static final long BLOCK_MS = 1_000;

  private final Vertx vertx;
  private final Context context;
  private final RedisLink redis;
  private final RedisKeys keys;
  private final RedisInboxOptions options;
  private final ChannelProcessors<StreamEntry> processors;
  private final ConversationLanes lanes = new ConversationLanes();
  private final DeliveryCounters counters = new DeliveryCounters();
  private final ProcessingAttempts attempts;
  /** Entry ids this node holds (waiting, in flight or being finished); refreshed so no one claims them. */
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  /** Per conversation, the numbers of its messages queued in this node's lane and not started yet. */
  private final Map<String, Set<Long>> waiting = new ConcurrentHashMap<>();
  /** Messages this node held and found taken over by another node after a stall. */
  private final java.util.concurrent.atomic.AtomicLong takenOver = new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean closed;
  private volatile boolean crashed;
  private long refreshTimer = -1;
  private long claimTimer = -1;
  private long cleanupTimer = -1;
  /** A consumer idle this long holding nothing belongs to a node gone for good (an hour by default). */
  private final long goneAfterMs;
  private long readBackoff = 100;

  private RedisInbox(Vertx vertx, Context context, RedisLink redis, RedisKeys keys, RedisInboxOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.redis = redis;
    this.keys = keys;
    this.options = options;
    this.processors = new ChannelProcessors<>(context, this::submit);
    this.attempts = new ProcessingAttempts(vertx, options.retry(), () -> closed, counters);
    this.goneAfterMs = options.claimIdle().toMillis() * 120;
  }

  /**
   * Creates the consumer group if needed and starts reading. Redis being down is not an error
   * here: the node starts unready and begins reading when Redis comes back.
   */
  public static Future<RedisInbox> open(Vertx vertx, RedisLink redis, RedisKeys keys, RedisInboxOptions options) {
    Context context = vertx.getOrCreateContext();
    RedisInbox inbox = new RedisInbox(vertx, context, redis, keys, options);
    Promise<RedisInbox> opened = Promise.promise();
    context.runOnContext(v -> {
      inbox.createGroup().onComplete(ar -> {
        inbox.readLoop();
        long claimEvery = Math.max(50, options.claimIdle().toMillis() / 2);
        inbox.claimTimer = vertx.setPeriodic(claimEvery / 4, claimEvery, t -> inbox.claimAbandoned("0-0"));
        inbox.refreshTimer = vertx.setPeriodic(Math.max(20, options.claimIdle().toMillis() / 3), t -> inbox.refreshHeld());
        inbox.cleanupTimer = vertx.setPeriodic(1_000, 600_000, t -> inbox.forgetGoneConsumers());
        opened.complete(inbox);
      });
    });
    return opened.future();
  }

  private Future<Void> createGroup() {
    return redis.sendAnyway(Request.cmd(Command.XGROUP).arg("CREATE").arg(keys.inboxStream()).arg(keys.inboxGroup())
        .arg("0").arg("MKSTREAM"), 5_000).<Void>mapEmpty().recover(e -> {
          if (String.valueOf(e.getMessage()).contains("BUSYGROUP")) {
            return Future.succeededFuture();
          }
          return Future.failedFuture(e);
        });
  }

  @Override
  public Future<Boolean> offer(InboundMessage message) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("inbox closed"));
    }
    List<String> dedupe = message.dedupeKeys();
    Request eval = Request.cmd(Command.EVAL).arg(OFFER).arg(dedupe.size() + 2);
    dedupe.forEach(k -> eval.arg(keys.dedupe(k)));
    eval.arg(keys.order(message.conversation())).arg(keys.inboxStream())
        .arg(options.dedupeFor().toSeconds()).arg(dedupe.size())
        .arg(InboundMessageJson.encode(InboundMessageJson.toJson(message))).arg(message.id());
    return redis.send(eval).map(seq -> {
      if (seq.toLong() == 0) {
        counters.countDuplicate();
        return false;
      }
      counters.countRecorded();
      return true;
    });
  }

  @Override
  public void process(String channel, Function<InboundMessage, Future<Void>> processor) {
    processors.process(channel, processor);
  }

  private void readLoop() {
    if (closed) {
      return;
    }
    Request read = Request.cmd(Command.XREADGROUP).arg("GROUP").arg(keys.inboxGroup()).arg(options.node())
        .arg("COUNT").arg(READ_COUNT).arg("BLOCK").arg(BLOCK_MS).arg("STREAMS").arg(keys.inboxStream()).arg(">");
    // Replies complete on the Redis connection's event loop; the work queues live on this inbox's context.
    redis.sendAnyway(read, BLOCK_MS + 4_000).onComplete(ar -> context.runOnContext(v -> {
      if (closed) {
        return;
      }
      if (ar.succeeded()) {
        readBackoff = 100;
        StreamEntry.fromRead(ar.result()).forEach(this::accept);
        readLoop();
      } else {
        if (String.valueOf(ar.cause().getMessage()).contains("NOGROUP")) {
          createGroup(); // the stream was deleted (FLUSHALL): recreate and carry on
        }
        readBackoff = Math.min(readBackoff * 2, 5_000);
        vertx.setTimer(readBackoff, t -> readLoop());
      }
    }));
  }

  /** Takes over entries other nodes held too long without refreshing them: their node died. */
  private void claimAbandoned(String cursor) {
    if (closed) {
      return;
    }
    Request claim = Request.cmd(Command.XAUTOCLAIM).arg(keys.inboxStream()).arg(keys.inboxGroup()).arg(options.node())
        .arg(options.claimIdle().toMillis()).arg(cursor).arg("COUNT").arg(READ_COUNT);
    redis.send(claim).onSuccess(reply -> context.runOnContext(v -> {
      List<StreamEntry> entries = new ArrayList<>();
      StreamEntry.entries(reply.get(1), entries);
      for (StreamEntry entry : entries) {
        if (held.contains(entry.id())) {
          continue; // ours, just slow to refresh
        }
        counters.countRecovered();
        LOG.info("inbox: took over message {} from a node that stopped answering", entry.id());
        accept(entry);
      }
      if (reply.size() > 2 && reply.get(2) != null) {
        for (Response gone : reply.get(2)) {
          redis.send(Request.cmd(Command.XACK).arg(keys.inboxStream()).arg(keys.inboxGroup()).arg(gone.toString()));
        }
      }
      String next = reply.get(0).toString();
      if (!next.equals("0-0")) {
        claimAbandoned(next);
      }
    }));
  }

  /**
   * Deletes consumers of nodes gone for an hour that hold nothing: every restart is a new
   * consumer name, and the group's consumer list must not grow with them.
   */
  private void forgetGoneConsumers() {
    if (closed) {
      return;
    }
    redis.send(Request.cmd(Command.XINFO).arg("CONSUMERS").arg(keys.inboxStream()).arg(keys.inboxGroup()))
        .onSuccess(consumers -> {
          for (Response consumer : consumers) {
            String name = field(consumer, "name");
            String pending = field(consumer, "pending");
            String idle = field(consumer, "idle");
            if (name != null && !name.equals(options.node()) && "0".equals(pending) && idle != null
                && Long.parseLong(idle) > goneAfterMs) {
              redis.send(Request.cmd(Command.XGROUP).arg("DELCONSUMER").arg(keys.inboxStream())
                  .arg(keys.inboxGroup()).arg(name));
            }
          }
        });
  }

  /** A field of an XINFO reply, which is a map in RESP3 and a flat name/value list in RESP2. */
  private static String field(Response entry, String name) {
    if (entry.isMap()) {
      Response value = entry.get(name);
      return value == null ? null : value.toString();
    }
    for (int i = 0; i + 1 < entry.size(); i += 2) {
      if (name.equals(entry.get(i).toString())) {
        return entry.get(i + 1) == null ? null : entry.get(i + 1).toString();
      }
    }
    return null;
  }

  /** Resets the idle time of held entries, which tells other nodes this one is alive. */
  private void refreshHeld() {
    if (closed || held.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>(held);
    for (int from = 0; from < ids.size(); from += 200) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + 200));
      Request renew = Request.cmd(Command.EVAL).arg(RENEW).arg(1).arg(keys.inboxStream()).arg(keys.inboxGroup())
          .arg(options.node());
      batch.forEach(renew::arg);
      redis.send(renew).onSuccess(states -> {
        for (int i = 0; i < batch.size() && i < states.size(); i++) {
          if (states.get(i).toInteger() == 2) {
            lost(batch.get(i));
          }
        }
      });
    }
  }

  /** Another node claimed this entry while this one did not answer for {@code claimIdle}: it is theirs now. */
  private void lost(String id) {
    if (held.remove(id)) {
      takenOver.incrementAndGet();
      LOG.warn("inbox: message {} was taken over by another node while this one stalled; that node answers it", id);
    }
  }

  /** On the context: an entry read or claimed by this node. */
  private void accept(StreamEntry entry) {
    if (entry.message() == null) {
      LOG.error("inbox: stream entry {} is not a readable message; dropped and counted as failed", entry.id());
      finish(entry, "unreadable stream entry");
      return;
    }
    if (!held.add(entry.id())) {
      return;
    }
    processors.dispatch(entry.message().channel(), entry.message().id(), entry);
  }

  private void submit(StreamEntry entry, Function<InboundMessage, Future<Void>> processor) {
    submit(entry, processor, System.nanoTime());
  }

  private void submit(StreamEntry entry, Function<InboundMessage, Future<Void>> processor, long since) {
    InboundMessage message = entry.message();
    String conversation = message.conversation();
    waiting.compute(conversation, (k, seqs) -> {
      Set<Long> queued = seqs == null ? new ConcurrentSkipListSet<>() : seqs;
      queued.add(entry.seq());
      return queued;
    });
    lanes.submit(conversation, () -> {
      waiting.computeIfPresent(conversation, (k, seqs) -> {
        seqs.remove(entry.seq());
        return seqs.isEmpty() ? null : seqs;
      });
      return awaitTurn(entry, since, 20).compose(turn -> switch (turn) {
        case GO -> attempts.run(message, processor).compose(outcome -> switch (outcome) {
          case ANSWERED -> finish(entry, "");
          case FAILED -> finish(entry, new JsonObject().put("id", message.id()).put("channel", message.channel())
              .put("conversation", message.conversation()).put("tries", options.retry().maxAttempts()).encode());
          case HANDED_BACK -> handBack(entry);
        });
        case ALREADY_ANSWERED -> finish(entry, "");
        case HAND_BACK -> handBack(entry);
        case TAKEN_OVER -> {
          lost(entry.id());
          yield Future.<Void>succeededFuture();
        }
        case EARLIER_QUEUED -> {
          submit(entry, processor, since); // behind the earlier one, which the lane runs next
          yield Future.<Void>succeededFuture();
        }
      });
    });
  }

  private enum Turn { GO, ALREADY_ANSWERED, HAND_BACK, EARLIER_QUEUED, TAKEN_OVER }

  /** Waits until every earlier message of the conversation was answered, on whichever node. */
  private Future<Turn> awaitTurn(StreamEntry entry, long since, long delay) {
    if (closed) {
      return Future.succeededFuture(Turn.HAND_BACK);
    }
    Request turn = Request.cmd(Command.EVAL).arg(TURN).arg(2).arg(keys.order(entry.message().conversation()))
        .arg(keys.inboxStream()).arg(keys.inboxGroup()).arg(options.node()).arg(entry.id());
    return redis.send(turn)
        .transform(ar -> {
          if (closed) {
            return Future.succeededFuture(Turn.HAND_BACK);
          }
          if (ar.succeeded()) {
            long done = ar.result().get(0).toLong();
            if (done >= entry.seq()) {
              return Future.succeededFuture(Turn.ALREADY_ANSWERED);
            }
            if (ar.result().get(1).toInteger() == 2) {
              // Claimed by a node that took this one for dead: not ours to answer any more. (Not
              // pending at all, 0, means Redis lost the stream; this node still answers what it holds.)
              return Future.succeededFuture(Turn.TAKEN_OVER);
            }
            if (done == entry.seq() - 1 || entry.seq() == 0) {
              return Future.succeededFuture(Turn.GO);
            }
            Set<Long> queued = waiting.get(entry.message().conversation());
            if (queued != null && queued.stream().anyMatch(seq -> seq < entry.seq())) {
              // An earlier message of the conversation waits behind this one in this node's lane,
              // typically one just claimed from a dead node: waiting for it here would never end.
              return Future.succeededFuture(Turn.EARLIER_QUEUED);
            }
            if (System.nanoTime() - since > options.orderWait().toNanos()) {
              LOG.warn("inbox: message {} waited {} for an earlier message of its conversation; processing it now",
                  entry.message().id(), options.orderWait());
              return Future.succeededFuture(Turn.GO);
            }
          }
          return vertx.timer(delay).compose(t -> awaitTurn(entry, since, Math.min(delay * 2, 1_000)));
        });
  }

  /**
   * Marks the message answered (or failed) and removes it from the stream; retried until Redis
   * takes it, because an entry left pending would be claimed and answered a second time.
   */
  private Future<Void> finish(StreamEntry entry, String failure) {
    if (crashed) {
      return Future.succeededFuture();
    }
    String conversation = entry.message() == null ? "unreadable" : entry.message().conversation();
    Request eval = Request.cmd(Command.EVAL).arg(FINISH).arg(4).arg(keys.order(conversation)).arg(keys.inboxStream())
        .arg(keys.failedCount()).arg(keys.failedList()).arg(keys.inboxGroup()).arg(entry.id()).arg(entry.seq())
        .arg(options.dedupeFor().toSeconds()).arg(failure);
    return redis.sendAnyway(eval, 5_000).<Void>mapEmpty().recover(e -> {
      if (closed) {
        // Shutting down with Redis gone: the entry stays pending and is claimed by another node.
        LOG.warn("inbox: message {} answered but not marked (Redis unreachable at shutdown)", entry.id());
        return Future.succeededFuture();
      }
      LOG.warn("inbox: cannot mark message {} answered yet: {}", entry.id(), e.toString());
      return vertx.timer(500).compose(t -> finish(entry, failure));
    }).onSuccess(v -> held.remove(entry.id()));
  }

  /** Leaves the entry pending: after {@code claimIdle} another node (or this one, restarted) claims it. */
  private Future<Void> handBack(StreamEntry entry) {
    held.remove(entry.id());
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    stopTimers();
    attempts.handBackWaiting();
    return lanes.idle();
  }

  /** Stops as if killed: nothing more is read, refreshed, acknowledged or marked. For crash tests. */
  Future<Void> crash() {
    crashed = true;
    closed = true;
    stopTimers();
    attempts.handBackWaiting();
    return Future.succeededFuture();
  }

  private void stopTimers() {
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(claimTimer);
    vertx.cancelTimer(cleanupTimer);
  }

  /** Redis reachable and the inbox open: for {@code /health/ready}. */
  public boolean ready() {
    return redis.reachable() && !closed;
  }

  public DeliveryCounters counters() {
    return counters;
  }

  /** Messages this node held and then found taken over by another node (it stalled longer than {@code claimIdle}). */
  public long takenOver() {
    return takenOver.get();
  }

  /** Messages given up after their last try by any node, from Redis. */
  public Future<Long> failedInCluster() {
    return redis.send(Request.cmd(Command.GET).arg(keys.failedCount())).map(r -> r == null ? 0L : r.toLong());
  }

  String node() {
    return options.node();
  }

  /** Where this inbox's timers run: a test blocks it to play a node that stalls. */
  Context context() {
    return context;
  }
}
