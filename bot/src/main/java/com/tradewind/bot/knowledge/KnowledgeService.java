package com.tradewind.bot.knowledge;

import com.tradewind.knowledge.KnowledgeBase;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.RefreshReport;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.search.Answer;
import com.tradewind.knowledge.search.SearchHit;
import com.tradewind.knowledge.watch.FolderWatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the knowledge base for the server: every call that touches Lucene or files runs through
 * {@code executeBlocking}, so event loops never wait on disk. Ready once the index is searchable:
 * at once when an index already exists, after the first build otherwise.
 */
public final class KnowledgeService {

  private static final Logger LOG = LoggerFactory.getLogger(KnowledgeService.class);

  private final Vertx vertx;
  private final KnowledgeOptions options;
  private final LanguageDetector detector;
  private volatile KnowledgeBase base;
  private volatile boolean ready;
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicBoolean refreshAgain = new AtomicBoolean();
  private FolderWatcher watcher;
  /** The index being opened or open, once {@link #open} was called. */
  private Future<KnowledgeBase> opening;
  /** An opening started before this service existed (see {@link #openIndex}), or null. */
  private final CompletableFuture<KnowledgeBase> early;
  /**
   * Answers to recent questions: support traffic repeats the same questions all day, and an
   * answer only changes when the index does, so the cache is emptied after every refresh.
   */
  private final com.github.benmanes.caffeine.cache.Cache<String, Answer> answers =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000)
          .expireAfterWrite(java.time.Duration.ofMinutes(30)).recordStats().build();

  public KnowledgeService(Vertx vertx, KnowledgeOptions options, LanguageDetector detector) {
    this(vertx, options, detector, null);
  }

  /**
   * A service that continues an opening of {@link #openIndex} started elsewhere; {@code early} may be null.
   * The options and detector must be the ones the opening was started with.
   */
  public KnowledgeService(Vertx vertx, KnowledgeOptions options, LanguageDetector detector,
      CompletableFuture<KnowledgeBase> early) {
    this.vertx = vertx;
    this.options = options;
    this.detector = detector;
    this.early = early;
    if (early != null) {
      // on the opening thread when it finishes later, here when it already has
      early.thenAccept(kb -> {
        base = kb;
        if (kb.passageCount() > 0) {
          ready = true;
        }
      });
    }
  }

  /**
   * Opens the index on the calling thread, logging when it is searchable. {@code serve} calls it
   * on a thread of its own before Vert.x exists, so that Lucene's, the analyzers' and the
   * glossary's classes load while the main thread builds the rest of the bot (both paths were
   * about as long), and hands the result to {@link #KnowledgeService(Vertx, KnowledgeOptions,
   * LanguageDetector, CompletableFuture)}.
   */
  public static KnowledgeBase openIndex(KnowledgeOptions options, LanguageDetector detector) throws IOException {
    long begin = System.nanoTime();
    KnowledgeBase kb = KnowledgeBase.open(options, detector);
    if (kb.passageCount() > 0) {
      LOG.info("knowledge base searchable: index opened in {} ms, {} ms after the process started",
          (System.nanoTime() - begin) / 1_000_000, sinceProcessStart());
    }
    return kb;
  }

  /**
   * Starts opening the index now, on a worker, so that it overlaps with the rest of start-up
   * (class loading and assembly of the other components take about as long); {@link #start}
   * continues from it. Ready as soon as an existing index is open. Calling it is optional.
   */
  public synchronized Future<KnowledgeBase> open() {
    if (opening == null) {
      opening = early != null ? Future.fromCompletionStage(early, vertx.getOrCreateContext())
          : vertx.executeBlocking(() -> {
            KnowledgeBase kb = openIndex(options, detector);
            base = kb;
            if (kb.passageCount() > 0) {
              ready = true; // searchable now; the first refresh only catches up with edits
            }
            return kb;
          }, false);
    }
    return opening;
  }

  private static long sinceProcessStart() {
    return ProcessHandle.current().info().startInstant()
        .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis()).orElse(-1L);
  }

  /** Opens the index (unless {@link #open} did) and brings it up to date; completes when the first refresh is done. */
  public Future<RefreshReport> start(boolean watch) {
    return open().compose(kb -> vertx.executeBlocking(() -> {
      RefreshReport report = kb.refresh();
      ready = true;
      LOG.info("knowledge base ready: {}", report.summary());
      if (watch) {
        watcher = new FolderWatcher(options.knowledgeDir(), 500, this::refreshLater).start();
      }
      return report;
    }, false));
  }

  /** Re-indexes on a worker; calls arriving during a refresh fold into one more run. */
  public void refreshLater() {
    if (!refreshing.compareAndSet(false, true)) {
      refreshAgain.set(true);
      return;
    }
    refresh().onComplete(ar -> {
      refreshing.set(false);
      if (ar.failed()) {
        LOG.error("knowledge refresh failed: {}", ar.cause().toString());
      } else if (ar.result().changedAnything()) {
        LOG.info("knowledge base refreshed: {}", ar.result().summary());
      }
      if (refreshAgain.getAndSet(false)) {
        refreshLater();
      }
    });
  }

  public Future<RefreshReport> refresh() {
    KnowledgeBase kb = base;
    if (kb == null) {
      return Future.failedFuture("the knowledge base is still opening");
    }
    return vertx.executeBlocking(() -> {
      RefreshReport report = kb.refresh();
      if (report.changedAnything()) {
        answers.invalidateAll();
      }
      return report;
    }, false);
  }

  /** The answer cache itself, for its hit and miss metrics; do not put into it. */
  public com.github.benmanes.caffeine.cache.Cache<String, Answer> answerCache() {
    return answers;
  }

  /** Hit rate of the answer cache since start, 0..1. */
  public double answerCacheHitRate() {
    return answers.stats().hitRate();
  }

  public boolean isReady() {
    return ready;
  }

  public Future<Answer> ask(String question, String language) {
    String key = (language == null ? "" : language) + "\u0000" + question.strip();
    Answer cached = answers.getIfPresent(key);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return vertx.executeBlocking(() -> {
      Answer answer = base.ask(question, language);
      answers.put(key, answer);
      return answer;
    }, false);
  }

  public Future<List<SearchHit>> search(String question, String language, int k) {
    return vertx.executeBlocking(() -> base.search(question, language, k), false);
  }

  public Future<Void> close() {
    Future<KnowledgeBase> inFlight;
    synchronized (this) {
      inFlight = opening == null && early != null ? open() : opening;
    }
    // an index still opening is closed once open, not left locked
    Future<?> opened = inFlight == null ? Future.succeededFuture() : inFlight.otherwiseEmpty();
    return opened.compose(v -> vertx.executeBlocking(() -> {
      if (watcher != null) {
        watcher.close();
      }
      if (base != null) {
        try {
          base.close();
        } catch (IOException e) {
          LOG.warn("closing the index: {}", e.getMessage());
        }
      }
      return null;
    }));
  }
}
