package com.tradewind.bot.metrics;

import com.github.benmanes.caffeine.cache.Cache;
import com.tradewind.bot.conversation.Feedback;
import com.tradewind.bot.conversation.TurnEvent;
import com.tradewind.bot.conversation.TurnObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bot's metrics, one facade for everything that counts: the dialogue reports turns through
 * {@link TurnObserver}; connectors and backends call the named methods. Label values are
 * lower-cased and cut to a short length, so a bad caller cannot blow up the series count.
 */
public final class BotMetrics implements TurnObserver {

  /** Circuit breaker states as gauge values: 0 closed, 1 half-open, 2 open. */
  public enum CircuitState { CLOSED, HALF_OPEN, OPEN }

  private static final int MAX_LABEL = 40;
  private final PrometheusMeterRegistry registry;
  private final Map<String, AtomicInteger> circuits = new ConcurrentHashMap<>();

  private BotMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  /** A registry with the JVM binders (memory, GC, threads, classes, CPU, uptime). */
  public static BotMetrics create() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return new BotMetrics(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /** Label values of a turn's message counters. */
  private record TurnLabels(String channel, String intent, String language) {
    Tags tags() {
      return Tags.of("channel", channel, "intent", intent, "language", language);
    }
  }

  /** Label values of a turn's outcome counter. */
  private record OutcomeLabels(String channel, String outcome) {}

  // The meters every turn touches, by their label values (as many as the registry holds anyway):
  // looking a meter up in the registry builds and sorts its tags and id each time, a cost per
  // message. Each is still registered the first time it is needed, not before.
  private final Map<TurnLabels, Counter> messagesIn = new ConcurrentHashMap<>();
  private final Map<TurnLabels, Counter> messagesOut = new ConcurrentHashMap<>();
  private final Map<OutcomeLabels, Counter> turns = new ConcurrentHashMap<>();
  private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

  @Override
  public void observed(TurnEvent event) {
    TurnLabels labels = new TurnLabels(label(event.channel()), label(event.intent()), label(event.language()));
    messagesIn.computeIfAbsent(labels, l -> registry.counter("tradewind.messages.in", l.tags())).increment();
    if (event.outcome() != TurnEvent.Outcome.SILENT) {
      messagesOut.computeIfAbsent(labels, l -> registry.counter("tradewind.messages.out", l.tags())).increment();
    }
    turns.computeIfAbsent(new OutcomeLabels(labels.channel(), label(event.outcome().name())),
        l -> registry.counter("tradewind.turns", Tags.of("channel", l.channel(), "outcome", l.outcome()))).increment();
    if (event.handoffStarted()) {
      registry.counter("tradewind.handoffs", "channel", label(event.channel())).increment();
    }
    Feedback feedback = event.feedback();
    if (feedback != null) {
      registry.counter("tradewind.feedback", "channel", label(event.channel()),
          "vote", feedback.helpful() ? "helpful" : "not_helpful").increment();
    }
    latency(event.channel()).record(event.latency());
  }

  private Timer latency(String channel) {
    return latencies.computeIfAbsent(label(channel), this::newLatency);
  }

  private Timer newLatency(String channelLabel) {
    return Timer.builder("tradewind.reply.latency").description("message in to reply ready, in the dialogue engine")
        .tag("channel", channelLabel)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  /** A webhook request refused before it reached the dialogue (bad signature, stale, malformed…). */
  public void webhookRejected(String channel, String reason) {
    registry.counter("tradewind.webhook.rejected", "channel", label(channel), "reason", label(reason)).increment();
  }

  /** A message to a platform (Slack, WhatsApp) was sent again after a failure or a 429. */
  public void outboundRetry(String channel) {
    registry.counter("tradewind.outbound.retries", "channel", label(channel)).increment();
  }

  /** One call to an order or tracking backend; outcome e.g. {@code ok}, {@code error}, {@code timeout}, {@code rejected}. */
  public void backendCall(String provider, String outcome) {
    registry.counter("tradewind.backend.calls", "provider", label(provider), "outcome", label(outcome)).increment();
  }

  /** The current state of a provider's circuit breaker. */
  public void circuitState(String provider, CircuitState state) {
    circuits.computeIfAbsent(label(provider), p -> {
      AtomicInteger value = new AtomicInteger();
      Gauge.builder("tradewind.circuit.state", value, AtomicInteger::get)
          .description("0 closed, 1 half-open, 2 open").tag("provider", p).register(registry);
      return value;
    }).set(state.ordinal());
  }

  /** Circuit states by provider, as last reported. */
  public Map<String, CircuitState> circuitStates() {
    Map<String, CircuitState> out = new java.util.TreeMap<>();
    circuits.forEach((p, v) -> out.put(p, CircuitState.values()[v.get()]));
    return out;
  }

  /** Backend calls by provider and outcome, as counted since start. */
  public Map<String, Map<String, Double>> backendCalls() {
    Map<String, Map<String, Double>> out = new java.util.TreeMap<>();
    registry.find("tradewind.backend.calls").counters().forEach(c -> out
        .computeIfAbsent(c.getId().getTag("provider"), p -> new java.util.TreeMap<>())
        .merge(c.getId().getTag("outcome"), c.count(), Double::sum));
    return out;
  }

  /** Hit, miss and eviction counts of a Caffeine cache (built with {@code recordStats()}). */
  public void monitorCache(String name, Cache<?, ?> cache) {
    CaffeineCacheMetrics.monitor(registry, cache, name);
  }

  /** The total of a counter over all its label values (for tests and the dashboard). */
  public double count(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }

  static String label(String value) {
    if (value == null || value.isBlank()) {
      return "none";
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.length() > MAX_LABEL ? v.substring(0, MAX_LABEL) : v;
  }
}
