package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.ChannelProcessors;
import com.tradewind.bot.delivery.ConversationLanes;
import com.tradewind.bot.delivery.DedupeKeys;
import com.tradewind.bot.delivery.DeliveryCounters;
import com.tradewind.bot.delivery.Inbox;
import com.tradewind.bot.delivery.InboundMessage;
import com.tradewind.bot.delivery.ProcessingAttempts;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node durable inbox: {@link #offer} succeeds only once the message is fsynced to a
 * local journal; answered and failed messages are marked in it; at start-up the messages found
 * unanswered wait for their channel's processor and are handed to it as soon as it is set.
 * Dedupe keys are journaled with their expiry, so a redelivery after a restart is still a
 * duplicate.
 *
 * <p>Dedupe keys live in two places: the keys of the journal segments not yet compacted in two
 * fixed-size tables on the heap ({@link RecentKeys}), and every older key in immutable key files
 * on disk ({@link SpilledKeys}), which each compaction extends. A claim checks the tables on the
 * caller's thread; the writer checks the key files before it writes the offer. Start-up reads the
 * headers of the key files, not their keys.
 *
 * <p>Threads: journal I/O runs on one writer thread; dedupe claims are synchronized; everything
 * about processing (lanes, waiting messages, retries) runs on the inbox's own Vert.x context, so
 * messages reach the lanes in the order the journal recorded them.
 */
public final class JournalInbox implements Inbox {

  private static final Logger LOG = LoggerFactory.getLogger(JournalInbox.class);

  private final Vertx vertx;
  private final Context context;
  private final JournalOptions options;
  private final Clock clock;
  private final JournalWriter writer;
  /**
   * The dedupe keys of the segments not yet compacted, with their expiry; older ones are only in
   * the key files. Compactions read the keys from the journal files, not from here.
   */
  private final RecentKeys keys;
  private final ChannelProcessors<InboundMessage> processors;
  private final ConversationLanes lanes = new ConversationLanes();
  private final DeliveryCounters counters = new DeliveryCounters();
  private final ProcessingAttempts attempts;
  private final long droppedTailBytes;
  private volatile boolean closed;
  private volatile long probeTimer = -1;

  private JournalInbox(Vertx vertx, Context context, JournalOptions options, Clock clock, JournalFile file,
      JournalState state, RecentKeys keys) throws java.io.IOException {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
    this.clock = clock;
    this.keys = keys;
    this.droppedTailBytes = file.droppedTailBytes();
    this.attempts = new ProcessingAttempts(vertx, options.retry(), () -> closed, counters);
    this.processors = new ChannelProcessors<>(context, this::submit);
    // Called on a worker thread before anyone can see the inbox; the dispatch queues them as waiting.
    for (InboundMessage m : state.pending()) {
      processors.dispatch(m.channel(), m.id(), m);
      counters.countRecovered();
    }
    this.writer = new JournalWriter(file, options.dir(), options.compactBytes(), clock::millis,
        () -> clock.millis() + options.dedupeFor().toMillis(), new JournalWriter.KeyTables() {
          @Override
          public int current() {
            synchronized (JournalInbox.this) {
              return keys.current();
            }
          }

          @Override
          public void sealed(java.util.function.Supplier<Iterable<DedupeKeys.Fingerprint>> stillQueued) {
            synchronized (JournalInbox.this) {
              keys.seal(stillQueued.get());
            }
          }

          @Override
          public void spilled() {
            synchronized (JournalInbox.this) {
              keys.forgetSealed();
            }
          }
        }, options.memoryKeys() / 2, options.maxKeyFiles());
    writer.start();
  }

  /**
   * Opens (creating if needed) the journal in {@code options.dir()} and replays it, on a worker
   * thread. Fails with {@link JournalUnavailableException} when the folder cannot be written.
   */
  public static Future<JournalInbox> open(Vertx vertx, JournalOptions options, Clock clock) {
    Context context = vertx.getOrCreateContext();
    return context.executeBlocking(() -> {
      JournalState state = new JournalState();
      RecentKeys keys = new RecentKeys(options.memoryKeys() / 2);
      long now = clock.millis();
      JournalFile file = JournalFile.open(options.dir(), state, (key, expires) -> {
        if (expires > now) {
          keys.put(DedupeKeys.fingerprint(key), expires);
        }
      }, options.minFreeBytes(), now, now + options.dedupeFor().toMillis(), CompactionSteps.NONE);
      try {
        JournalInbox inbox = new JournalInbox(vertx, context, options, clock, file, state, keys);
        if (!state.pending().isEmpty()) {
          LOG.info("inbox journal: {} recorded messages were not answered before the last stop; they are "
              + "processed once their channel is ready", state.pending().size());
        }
        return inbox;
      } catch (java.io.IOException | RuntimeException e) {
        file.close();
        throw e;
      }
    }, false).onSuccess(inbox -> context.runOnContext(v -> {
      inbox.probeTimer = vertx.setPeriodic(5_000, t -> inbox.probeWhileUnwritable());
    }));
  }

  @Override
  public Future<Boolean> offer(InboundMessage message) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("inbox closed"));
    }
    long expires = clock.millis() + options.dedupeFor(message.channel()).toMillis();
    List<DedupeKeys.Fingerprint> fingerprints = message.dedupeKeys().stream().map(DedupeKeys::fingerprint).toList();
    Context caller = vertx.getOrCreateContext();
    Promise<Boolean> recorded = Promise.promise();
    JournalRecord record = JournalState.offer(message, expires);
    if (!claimAndAppend(fingerprints, expires, record, failure -> {
      if (failure != null) {
        release(fingerprints);
        caller.runOnContext(v -> recorded.fail(new IllegalStateException("not recorded: " + failure.getMessage(),
            failure)));
        return;
      }
      counters.countRecorded();
      context.runOnContext(v -> processors.dispatch(message.channel(), message.id(), message));
      caller.runOnContext(v -> recorded.complete(true));
    }, () -> {
      release(fingerprints);
      counters.countDuplicate();
      caller.runOnContext(v -> recorded.complete(false));
    })) {
      counters.countDuplicate();
      return Future.succeededFuture(false);
    }
    return recorded.future();
  }

  /**
   * Claims every key at once, so a redelivery under any of them is a duplicate, and queues the
   * offer in the same breath: a segment sealed meanwhile finds the keys of every queued offer
   * (see {@link RecentKeys#seal}). The key files are the writer's to check.
   */
  private synchronized boolean claimAndAppend(List<DedupeKeys.Fingerprint> fingerprints, long expires,
      JournalRecord record, java.util.function.Consumer<Throwable> done, Runnable duplicate) {
    long now = clock.millis();
    for (DedupeKeys.Fingerprint key : fingerprints) {
      if (keys.expiry(key) > now) {
        return false;
      }
    }
    fingerprints.forEach(key -> keys.put(key, expires));
    writer.append(record, fingerprints, done, duplicate);
    return true;
  }

  /** A message that could not be recorded was never acknowledged: its redelivery must be new. */
  private synchronized void release(List<DedupeKeys.Fingerprint> fingerprints) {
    fingerprints.forEach(keys::remove);
  }

  /**
   * After a failed write the inbox reports itself unready, so a load balancer stops sending
   * offers, which were the only writes: an empty record every few seconds finds out when the disk
   * is usable again (replay ignores it).
   */
  private void probeWhileUnwritable() {
    if (!closed && !writer.healthy()) {
      writer.append(new JournalRecord(JournalRecord.Type.KEYS, new io.vertx.core.json.JsonObject()
          .put("keys", new io.vertx.core.json.JsonObject())), failure -> {});
    }
  }

  /** Dedupe keys held on the heap: those of the segments not yet compacted. */
  public synchronized int dedupeKeys() {
    return keys.size();
  }

  /** Heap taken by the dedupe key tables in bytes: fixed by {@code memoryKeys}, whatever the traffic. */
  public synchronized long dedupeHeapBytes() {
    return keys.heapBytes();
  }

  /** Dedupe keys in key files on disk (a key in two files not yet merged counts twice). */
  public long spilledKeys() {
    return writer.spilledKeys().keys();
  }

  /** Key files on disk. */
  public int keyFiles() {
    return writer.spilledKeys().files().size();
  }

  /** Offers answered as duplicates because a key file held one of their keys. */
  public long spilledDuplicates() {
    return writer.spilledDuplicates();
  }

  /** For tests: where compactions report their progress. */
  void compactionSteps(CompactionSteps steps) {
    writer.compactionSteps(steps);
  }

  @Override
  public void process(String channel, Function<InboundMessage, Future<Void>> processor) {
    processors.process(channel, processor);
  }

  private void submit(InboundMessage message, Function<InboundMessage, Future<Void>> processor) {
    lanes.submit(message.conversation(), () -> attempts.run(message, processor).compose(outcome -> switch (outcome) {
      case ANSWERED -> mark(JournalState.done(message.id()));
      case FAILED -> mark(JournalState.failed(message.id(), "failed after " + options.retry().maxAttempts() + " tries"));
      case HANDED_BACK -> Future.succeededFuture();
    }));
  }

  /** Journals an answered or failed mark; a lost mark only means the message is replayed once more. */
  private Future<Void> mark(JournalRecord record) {
    Promise<Void> marked = Promise.promise();
    writer.append(record, failure -> {
      if (failure != null) {
        LOG.warn("inbox journal: could not mark {} {}: {}", record.body().getString("id"), record.type(),
            failure.toString());
      }
      context.runOnContext(v -> marked.complete());
    });
    return marked.future();
  }

  @Override
  public Future<Void> close() {
    if (closed) {
      return Future.succeededFuture();
    }
    closed = true;
    vertx.cancelTimer(probeTimer);
    attempts.handBackWaiting();
    return lanes.idle().compose(v -> vertx.executeBlocking(() -> {
      writer.stop();
      return null;
    }, false)).mapEmpty();
  }

  /**
   * Stops like a killed process would: the writer finishes what it was given and the files are
   * released, but nothing waits for processing and nothing more is marked. For crash tests.
   */
  Future<Void> crash() {
    closed = true;
    vertx.cancelTimer(probeTimer);
    attempts.handBackWaiting();
    return vertx.executeBlocking(() -> {
      writer.stop();
      return null;
    }, false).mapEmpty();
  }

  /** False while the journal cannot be written (the last write failed); for readiness checks. */
  public boolean writable() {
    return writer.healthy() && !closed;
  }

  public DeliveryCounters counters() {
    return counters;
  }

  /** Number of fsyncs so far; with concurrent offers it stays well below the number of records. */
  public long fsyncs() {
    return writer.fsyncs();
  }

  /** Records written so far (offers and marks). */
  public long journalRecords() {
    return writer.records();
  }

  public long compactions() {
    return writer.compactions();
  }

  /** Bytes cut off the journal's end at start-up: a record torn by a crash. */
  public long droppedTailBytes() {
    return droppedTailBytes;
  }

  /** Conversations with messages queued or being processed. */
  public int activeConversations() {
    return lanes.active();
  }
}
