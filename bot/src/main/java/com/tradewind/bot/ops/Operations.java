package com.tradewind.bot.ops;

import com.tradewind.bot.admin.AdminRoutes;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.insight.FeedbackRecorder;
import com.tradewind.bot.insight.InsightJournal;
import com.tradewind.bot.insight.InsightStore;
import com.tradewind.bot.insight.PostgresJournal;
import com.tradewind.bot.insight.JsonLinesJournal;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.bot.logging.SecretMasker;
import com.tradewind.bot.logging.JsonLogging;
import com.tradewind.bot.logging.TurnLog;
import com.tradewind.bot.metrics.BotMetrics;
import com.tradewind.bot.metrics.EventLoopDelay;
import com.tradewind.bot.metrics.MetricsRoutes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations features wired into a server: {@code /metrics}, the turn log, the insight store
 * (replayed before serving) and {@code /admin}. Connectors reach {@link #metrics()} and
 * {@link #feedback()} through this object.
 */
public final class Operations {

  private static final Logger LOG = LoggerFactory.getLogger(Operations.class);
  private final BotMetrics metrics;
  private final InsightStore insight;
  private final EventLoopDelay loopDelay;

  private Operations(BotMetrics metrics, InsightStore insight, EventLoopDelay loopDelay) {
    this.metrics = metrics;
    this.insight = insight;
    this.loopDelay = loopDelay;
  }

  /**
   * Installs everything; call before {@code server.start()}. Blocks (on this plain thread, up to
   * a minute) until the insight journal is replayed, so the first dashboard view is complete.
   *
   * @param vertx created with {@link com.tradewind.bot.metrics.MeteredVertx} for the Vert.x metrics
   */
  public static Operations install(Vertx vertx, BotMetrics metrics, OpsOptions options, Map<String, String> env,
      KnowledgeService knowledge, DialogueEngine dialogue, ApiServer server) throws Exception {
    JsonLogging.install(env);
    SecretMasker masker = SecretMasker.fromEnvironment(env);
    InsightJournal journal;
    if (options.insightPostgres() != null) {
      PostgresJournal shared = new PostgresJournal(vertx, options.insightPostgres());
      try {
        shared.init().await(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        // the URI is not repeated: it may hold a password
        throw new IllegalArgumentException("cannot use the PostgreSQL database of TRADEWIND_INSIGHT_POSTGRES: "
            + e.getMessage());
      }
      journal = shared;
    } else {
      journal = new JsonLinesJournal(vertx, options.insightFile());
    }
    InsightStore insight = new InsightStore(journal, masker, Clock.systemUTC());
    int replayed = insight.load(vertx).await(60, TimeUnit.SECONDS);
    LOG.info("insight history ({}): {} records replayed", options.insightPostgres() != null ? "PostgreSQL"
        : options.insightFile(), replayed);
    metrics.monitorCache("knowledge_answers", knowledge.answerCache());
    dialogue.observe(metrics).observe(insight).observe(new TurnLog());
    server.with(new MetricsRoutes(metrics))
        .with(new AdminRoutes(options.adminToken(), insight, metrics, knowledge));
    if (options.adminToken() == null) {
      LOG.info("/admin is off: set TRADEWIND_ADMIN_TOKEN to turn it on");
    }
    return new Operations(metrics, insight, new EventLoopDelay().start(vertx, metrics.registry()));
  }

  public BotMetrics metrics() {
    return metrics;
  }

  /** Where Slack buttons (and any other channel) file 👍/👎 on an answer. */
  public FeedbackRecorder feedback() {
    return insight;
  }

  public InsightStore insight() {
    return insight;
  }

  public Future<Void> close(Vertx vertx) {
    loopDelay.stop(vertx);
    return insight.close();
  }
}
