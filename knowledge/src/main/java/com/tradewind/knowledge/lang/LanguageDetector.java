package com.tradewind.knowledge.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import java.util.Locale;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Identifies the language of short texts. The writing system decides wherever it is unambiguous
 * (Han, kana, Hangul, Arabic); Lingua's statistical models decide between languages that share a
 * script (Latin, Cyrillic), restricted to the languages we serve so that short chat messages are
 * not mistaken for a language nobody writes to us in.
 */
public final class LanguageDetector {

  private final com.github.pemistahl.lingua.api.LanguageDetector latin;
  private final com.github.pemistahl.lingua.api.LanguageDetector cyrillic;

  private static final Language[] LATIN = {Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH,
      Language.GERMAN, Language.ITALIAN, Language.POLISH, Language.TURKISH};
  private static final Language[] CYRILLIC = {Language.RUSSIAN, Language.UKRAINIAN};

  static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  /**
   * Lingua sums each text's n-gram probabilities in tasks on the JDK's common fork-join pool,
   * and the calling thread waits for them. The JDK sizes that pool at cores − 1, a single thread
   * on a 2-core server, so every event loop's detection queued behind one worker while the
   * other core idled. Call first thing in {@code main}, before anything starts the common pool;
   * a value the operator set with {@code -D} is kept.
   */
  public static void sizeCommonPool() {
    if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
      System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors())));
    }
  }

  /** Loads every language model now (a few seconds): for commands that answer at once. */
  public LanguageDetector() {
    this(true);
  }

  /**
   * @param preload false to load models on first use, so a server can be ready before they are
   *     loaded and warm them up in the background with {@link #warmUp()}
   */
  public LanguageDetector(boolean preload) {
    this(preload, DEFAULT_CACHE_SIZE);
  }

  /**
   * @param preload see {@link #LanguageDetector(boolean)}
   * @param cacheSize how many recent chat texts keep their detected language; 0 for none
   */
  public LanguageDetector(boolean preload, int cacheSize) {
    recent = Caffeine.newBuilder().maximumSize(cacheSize).recordStats().build();
    var latinBuilder = LanguageDetectorBuilder.fromLanguages(LATIN);
    var cyrillicBuilder = LanguageDetectorBuilder.fromLanguages(CYRILLIC);
    latin = (preload ? latinBuilder.withPreloadedLanguageModels() : latinBuilder).build();
    cyrillic = (preload ? cyrillicBuilder.withPreloadedLanguageModels() : cyrillicBuilder).build();
    modelsLoaded = preload;
    if (preload) {
      loading.set(true);
      loaded.complete(null);
    }
  }

  private volatile boolean modelsLoaded;
  /** Chat-length texts only: documents are detected once each and would just evict the chat. */
  private static final int CACHED_TEXT_LENGTH = 300;
  private static final int DEFAULT_CACHE_SIZE = 20_000;
  private final Cache<String, List<DetectedLanguage>> recent;
  private final AtomicBoolean loading = new AtomicBoolean();
  private final CompletableFuture<Void> loaded = new CompletableFuture<>();

  /**
   * Whether Latin and Cyrillic detection is instant. Before that, a call may load models for
   * seconds, which an event loop must never wait for: see {@link #detectByScript}.
   */
  public boolean modelsLoaded() {
    return modelsLoaded;
  }

  /** The language when the writing system alone decides it (Han, kana, Hangul, Arabic); never loads models. */
  public Optional<DetectedLanguage> detectByScript(String text) {
    ScriptCounts counts = ScriptCounts.of(text);
    return counts.letters() == 0 ? Optional.empty() : byScript(text, counts);
  }

  /** Loads the models of every language (once; later calls wait for that load). Blocking. */
  public void warmUp() {
    if (loading.compareAndSet(false, true)) {
      load();
    }
    loaded.join();
  }

  /**
   * Completes once the models are loaded, starting the load on a background thread if nobody
   * has yet: a caller on an event loop waits for this instead of guessing the language of a
   * Latin or Cyrillic message from its script alone.
   */
  public CompletionStage<Void> modelsReady() {
    if (loading.compareAndSet(false, true)) {
      Thread.ofPlatform().daemon().name("tradewind-language-models").start(this::load);
    }
    return loaded.minimalCompletionStage();
  }

  private void load() {
    try {
      // Every n-gram length of every language: Lingua keeps loaded models in one JVM-wide cache,
      // so building preloaded detectors fills it for ours too. Using the detectors once instead
      // loaded only what that text needed (trigrams alone for a text over 120 characters), and
      // the first short chat message then loaded the rest on an event loop, for seconds.
      LanguageDetectorBuilder.fromLanguages(LATIN).withPreloadedLanguageModels().build();
      LanguageDetectorBuilder.fromLanguages(CYRILLIC).withPreloadedLanguageModels().build();
      modelsLoaded = true;
      loaded.complete(null);
    } catch (RuntimeException | Error e) {
      loaded.completeExceptionally(e);
      throw e;
    }
  }

  /** The language of {@code text}, or empty when it has no letters to judge (digits, emoji). */
  public Optional<DetectedLanguage> detect(String text) {
    List<DetectedLanguage> ranked = candidates(text);
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  /**
   * The likely languages, best first: one for an unambiguous script, otherwise the best and, if
   * Lingua rates it at least half as likely, the runner-up (Spanish and Portuguese chat often
   * tie). Empty when there are no letters to judge.
   */
  public List<DetectedLanguage> candidates(String text) {
    ScriptCounts counts = ScriptCounts.of(text);
    if (counts.letters() == 0) {
      return List.of();
    }
    Optional<DetectedLanguage> byScript = byScript(text, counts);
    if (byScript.isPresent()) {
      return List.of(byScript.get());
    }
    if (text.length() > CACHED_TEXT_LENGTH || !modelsLoaded) {
      return rank(text, counts);
    }
    return recent.get(text, t -> rank(t, counts));
  }

  /**
   * {@link #candidates}, computed as a task on the common pool when Lingua has work to do (a
   * Latin or Cyrillic text not in the cache, models loaded), otherwise at once. Lingua runs each
   * detection as fork/join tasks on that pool: called from a plain thread (an event loop), the
   * caller blocks until pool threads have run them; from inside the pool the caller helps run
   * them (170 µs of CPU per chat text against 220–260 in a harness), and the event loop goes on
   * serving other requests meanwhile.
   */
  public CompletionStage<List<DetectedLanguage>> candidatesAsync(String text) {
    // (the map view's look-up counts neither a hit nor a miss: candidates() counts the one that happens)
    if (!modelsLoaded || recent.asMap().containsKey(text)) {
      return CompletableFuture.completedFuture(candidates(text));
    }
    ScriptCounts counts = ScriptCounts.of(text);
    if (counts.letters() == 0 || byScript(text, counts).isPresent()) {
      return CompletableFuture.completedFuture(candidates(text));
    }
    return CompletableFuture.supplyAsync(() -> candidates(text), java.util.concurrent.ForkJoinPool.commonPool());
  }

  /**
   * The share of Latin and Cyrillic detections answered from the cache of recent texts, since
   * start: chat repeats itself ("hola", "ok", "where is my order?") and Lingua spends a few
   * hundred microseconds of CPU on every text it sees.
   */
  public double cacheHitRate() {
    var stats = recent.stats();
    return stats.requestCount() == 0 ? 0 : stats.hitRate();
  }

  private List<DetectedLanguage> rank(String text, ScriptCounts counts) {
    var detector = counts.cyrillic() * 2 >= counts.letters() ? cyrillic : latin;
    List<DetectedLanguage> out = new ArrayList<>(2);
    for (Map.Entry<Language, Double> e : detector.computeLanguageConfidenceValues(text).entrySet()) {
      if (out.size() == 2 || (!out.isEmpty() && e.getValue() < out.get(0).confidence() * 0.5)) {
        break;
      }
      out.add(new DetectedLanguage(e.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), false, e.getValue()));
    }
    return List.copyOf(out);
  }

  private static Optional<DetectedLanguage> byScript(String text, ScriptCounts counts) {
    if (counts.kana() > 0) {
      return Optional.of(new DetectedLanguage("ja", false, share(counts.kana() + counts.han(), counts)));
    }
    if (counts.hangul() * 2 >= counts.letters()) {
      return Optional.of(new DetectedLanguage("ko", false, share(counts.hangul(), counts)));
    }
    if (counts.han() * 2 >= counts.letters() || (counts.han() >= 2 && counts.han() * 4 >= counts.letters())) {
      return Optional.of(new DetectedLanguage("zh", ChineseScriptFolder.isTraditional(text), share(counts.han(), counts)));
    }
    if (counts.arabic() * 2 >= counts.letters()) {
      return Optional.of(new DetectedLanguage("ar", false, share(counts.arabic(), counts)));
    }
    return Optional.empty();
  }

  private static double share(int part, ScriptCounts counts) {
    return Math.min(1.0, (double) part / counts.letters());
  }
}
