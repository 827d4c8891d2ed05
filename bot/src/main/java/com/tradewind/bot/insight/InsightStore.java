package com.tradewind.bot.insight;

import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.conversation.Feedback;
import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.conversation.TurnObserver;
import com.tradewind.bot.logging.SecretMasker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The insight history: every turn counted per day (UTC), every knowledge answer with the passages
 * it used and its votes, every unanswered question with the passages the search returned. Kept in
 * memory for the dashboard and journaled so a restart replays it. Questions are stored with
 * personal data masked, as in the logs.
 */
public final class InsightStore implements TurnObserver, FeedbackRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(InsightStore.class);
  static final int MAX_ANSWERS = 100_000;
  static final int MAX_GAPS = 20_000;
  private static final Set<String> REQUEST_INTENTS = Set.of(DialogueEngine.ORDER_STATUS, DialogueEngine.TRACK_PARCEL);

  private final InsightJournal journal;
  private final SecretMasker masker;
  private final Clock clock;
  /**
   * Turns and votes waiting to be recorded, in arrival order: building records and masking
   * questions costs tens of microseconds, which the event loop should spend on replies instead.
   */
  private final java.util.Queue<Runnable> work = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile Vertx vertx;
  private final TreeMap<String, DayStats> days = new TreeMap<>();
  private final LinkedHashMap<String, AnswerRecord> answers = new LinkedHashMap<>(16, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, AnswerRecord> eldest) {
      return size() > MAX_ANSWERS;
    }
  };
  private final ArrayDeque<GapQuestion> gaps = new ArrayDeque<>();
  /** The last grouping, until a new gap or vote changes it (a dashboard refresh must not regroup). */
  private List<GapGroup> groups;

  /** A knowledge answer and the latest vote of each user on it. */
  private record AnswerRecord(String id, Instant at, String question, String language, String channel,
      List<PassageRef> passages, Map<String, Vote> votes) {

    Vote net() {
      long up = votes.values().stream().filter(v -> v == Vote.HELPFUL).count();
      long down = votes.size() - up;
      return votes.isEmpty() ? null : up > down ? Vote.HELPFUL : down > up ? Vote.NOT_HELPFUL : null;
    }
  }

  public InsightStore(InsightJournal journal, SecretMasker masker, Clock clock) {
    this.journal = journal;
    this.masker = masker;
    this.clock = clock;
  }

  /** Replays the journal on a worker; call once before serving. */
  public Future<Integer> load(Vertx vertx) {
    this.vertx = vertx;
    return vertx.executeBlocking(() -> {
      int[] n = {0};
      journal.replay(record -> {
        synchronized (this) {
          apply(record);
        }
        n[0]++;
      });
      return n[0];
    }, false).onSuccess(n -> journal.follow(record -> {
      synchronized (this) {
        apply(record);
      }
    }));
  }

  @Override
  public void observed(TurnEvent e) {
    enqueue(() -> record(e));
  }

  /** Completes once everything observed or voted before this call is recorded (tests, benchmarks). */
  public Future<Void> flushed() {
    io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
    enqueue(done::complete);
    return done.future();
  }

  private void enqueue(Runnable task) {
    work.add(task);
    if (draining.compareAndSet(false, true)) {
      if (vertx == null) {
        drain(); // not loaded yet (tests): record on the caller's thread
      } else {
        vertx.executeBlocking(() -> {
          drain();
          return null;
        }, false);
      }
    }
  }

  private void drain() {
    while (true) {
      for (Runnable task; (task = work.poll()) != null; ) {
        try {
          task.run();
        } catch (RuntimeException err) {
          LOG.warn("insight record failed: {}", err.toString());
        }
      }
      draining.set(false);
      if (work.isEmpty() || !draining.compareAndSet(false, true)) {
        return;
      }
    }
  }

  private void record(TurnEvent e) {
    List<JsonObject> records = new ArrayList<>();
    DayStats.Kind kind = e.handoffStarted() ? DayStats.Kind.HANDOFF : switch (e.outcome()) {
      case ANSWERED -> DayStats.Kind.ANSWERED;
      case NOT_ANSWERED, FAILED -> DayStats.Kind.UNANSWERED;
      case REPLIED -> REQUEST_INTENTS.contains(e.intent()) ? DayStats.Kind.ANSWERED : DayStats.Kind.OTHER;
      case SILENT -> DayStats.Kind.OTHER;
    };
    records.add(new JsonObject().put("t", "turn").put("at", e.at().toString()).put("ch", e.channel())
        .put("lang", e.language()).put("intent", e.intent()).put("kind", kind.name())
        .put("ms", e.latency().toMillis()));
    if (e.outcome() == TurnEvent.Outcome.ANSWERED && e.answerId() != null) {
      records.add(new JsonObject().put("t", "answer").put("id", e.answerId()).put("at", e.at().toString())
          .put("ch", e.channel()).put("lang", e.language()).put("q", masker.mask(e.question()))
          .put("p", passages(e)));
    } else if (e.outcome() == TurnEvent.Outcome.NOT_ANSWERED) {
      records.add(new JsonObject().put("t", "gap").put("at", e.at().toString()).put("ch", e.channel())
          .put("lang", e.language()).put("q", masker.mask(e.question())).put("p", passages(e)));
    }
    synchronized (this) {
      records.forEach(r -> apply(r, e.at())); // "at" is e.at() written out: no need to parse it back
    }
    records.forEach(this::journal);
    Feedback feedback = e.feedback();
    if (feedback != null) {
      vote(feedback.answerId(), feedback.helpful() ? Vote.HELPFUL : Vote.NOT_HELPFUL, e.user(), e.channel());
    }
  }

  private static JsonArray passages(TurnEvent e) {
    JsonArray out = new JsonArray();
    e.passages().stream().limit(QuestionGrouper.TOP).forEach(h -> out.add(PassageRef.of(h).toJson()));
    return out;
  }

  @Override
  public Future<Boolean> record(String answerId, Vote vote, String user, String channel) {
    // queued behind the turns, so a vote never overtakes the answer it is about
    io.vertx.core.Promise<Boolean> stored = io.vertx.core.Promise.promise();
    enqueue(() -> vote(answerId, vote, user, channel).onComplete(stored));
    return stored.future();
  }

  private Future<Boolean> vote(String answerId, Vote vote, String user, String channel) {
    JsonObject record = new JsonObject().put("t", "vote").put("id", answerId).put("v", vote.name())
        .put("u", user == null ? "" : user).put("ch", channel).put("at", clock.instant().toString());
    synchronized (this) {
      if (answerId == null || !answers.containsKey(answerId)) {
        return Future.succeededFuture(false);
      }
      apply(record);
    }
    return journal.append(record).map(v -> true);
  }

  private void journal(JsonObject record) {
    journal.append(record).onFailure(err -> LOG.warn("insight journal write failed: {}", err.toString()));
  }

  /** Applies one record to the in-memory state; the same code serves live turns and the replay. */
  private void apply(JsonObject r) {
    apply(r, Instant.parse(r.getString("at")));
  }

  /** @param at the record's {@code at}, already known as an instant */
  private void apply(JsonObject r, Instant at) {
    switch (r.getString("t", "")) {
      case "turn" -> day(at).add(r.getString("ch"), r.getString("lang"), r.getString("intent"), r.getLong("ms", 0L),
          DayStats.Kind.valueOf(r.getString("kind", "OTHER")));
      case "answer" -> answers.put(r.getString("id"), new AnswerRecord(r.getString("id"), at, r.getString("q"),
          r.getString("lang"), r.getString("ch"), refs(r.getJsonArray("p")), new LinkedHashMap<>()));
      case "gap" -> {
        groups = null;
        gaps.addLast(new GapQuestion(r.getString("q"), r.getString("lang"), r.getString("ch"), at,
            GapQuestion.Reason.UNANSWERED, refs(r.getJsonArray("p"))));
        while (gaps.size() > MAX_GAPS) {
          gaps.removeFirst();
        }
      }
      case "vote" -> {
        AnswerRecord answer = answers.get(r.getString("id"));
        if (answer != null) {
          groups = null;
          answer.votes().put(r.getString("u", ""), Vote.valueOf(r.getString("v")));
        }
      }
      default -> { } // a record kind from a newer version: ignored, kept in the file
    }
  }

  private static List<PassageRef> refs(JsonArray array) {
    List<PassageRef> out = new ArrayList<>();
    if (array != null) {
      for (int i = 0; i < array.size(); i++) {
        out.add(PassageRef.fromJson(array.getJsonObject(i)));
      }
    }
    return out;
  }

  private DayStats day(Instant at) {
    return days.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC).toString(), d -> new DayStats());
  }

  /** The failed questions, grouped, most frequent first. */
  public synchronized List<GapGroup> groups() {
    if (groups != null) {
      return groups;
    }
    List<GapQuestion> failed = new ArrayList<>(gaps);
    for (AnswerRecord a : answers.values()) {
      if (a.net() == Vote.NOT_HELPFUL) {
        failed.add(new GapQuestion(a.question(), a.language(), a.channel(), a.at(), GapQuestion.Reason.DOWNVOTED,
            a.passages()));
      }
    }
    groups = QuestionGrouper.group(failed);
    return groups;
  }

  /** Votes on one answer: {helpful, not_helpful}, or null for an unknown id. */
  public synchronized int[] votes(String answerId) {
    AnswerRecord a = answers.get(answerId);
    if (a == null) {
      return null;
    }
    int up = (int) a.votes().values().stream().filter(v -> v == Vote.HELPFUL).count();
    return new int[] {up, a.votes().size() - up};
  }

  /** The passages a stored answer used, or null for an unknown id. */
  public synchronized List<PassageRef> passagesOf(String answerId) {
    AnswerRecord a = answers.get(answerId);
    return a == null ? null : a.passages();
  }

  /**
   * The dashboard's numbers over the last {@code dayCount} days (UTC), see docs/ops.md for the
   * rate definitions: per day and in total, requests split into resolved, answered, handed off and
   * not answered, which add up to exactly the requests.
   */
  public synchronized JsonObject summary(int dayCount) {
    String first = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(dayCount - 1L).toString();
    Map<String, long[]> votesByDay = new TreeMap<>(); // day -> {resolved, downvoted}
    for (AnswerRecord a : answers.values()) {
      Vote net = a.net();
      if (net != null) {
        long[] v = votesByDay.computeIfAbsent(LocalDate.ofInstant(a.at(), ZoneOffset.UTC).toString(), d -> new long[2]);
        v[net == Vote.HELPFUL ? 0 : 1]++;
      }
    }
    JsonArray perDay = new JsonArray();
    long[] totals = new long[6]; // messages, requests, resolved, answered, handoffs, unanswered
    long[] latency = new long[DayStats.BUCKETS_MS.length + 1];
    for (Map.Entry<String, DayStats> e : days.tailMap(first, true).entrySet()) {
      long[] v = votesByDay.getOrDefault(e.getKey(), new long[2]);
      JsonObject day = e.getValue().toJson(e.getKey(), v[0], v[1]);
      perDay.add(day);
      totals[0] += day.getLong("messages");
      totals[1] += day.getLong("requests");
      totals[2] += day.getLong("resolved");
      totals[3] += day.getLong("answered");
      totals[4] += day.getLong("handoffs");
      totals[5] += day.getLong("unanswered");
      for (int i = 0; i < latency.length; i++) {
        latency[i] += e.getValue().latency[i];
      }
    }
    double requests = Math.max(1, totals[1]);
    JsonObject rates = new JsonObject()
        .put("resolution", totals[2] / requests).put("answer", totals[3] / requests)
        .put("handoff", totals[4] / requests).put("unanswered", totals[5] / requests);
    return new JsonObject().put("days", perDay)
        .put("totals", new JsonObject().put("messages", totals[0]).put("requests", totals[1]).put("resolved", totals[2])
            .put("answered", totals[3]).put("handoffs", totals[4]).put("unanswered", totals[5]))
        .put("rates", rates)
        .put("latencyMs", new JsonObject().put("p50", DayStats.percentile(latency, 0.5))
            .put("p90", DayStats.percentile(latency, 0.9)).put("p99", DayStats.percentile(latency, 0.99)));
  }

  public Future<Void> close() {
    return flushed().compose(v -> journal.close());
  }
}
