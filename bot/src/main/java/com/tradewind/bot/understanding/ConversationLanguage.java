package com.tradewind.bot.understanding;

import com.tradewind.knowledge.lang.DetectedLanguage;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.normalize.Scripts;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Optional;

/**
 * The language of a conversation, message by message. A message too short to judge ("ok", a
 * bare order number, an emoji) keeps the conversation's language; a real sentence in another
 * language switches it.
 */
public final class ConversationLanguage {

  private static final java.util.regex.Pattern DIGITS = java.util.regex.Pattern.compile("\\d");
  private final LanguageDetector detector;

  public ConversationLanguage(LanguageDetector detector) {
    this.detector = detector;
  }

  /**
   * Completes when {@link #resolve} can judge {@code text}: at once, unless the text needs the
   * language models (Latin or Cyrillic words) and they are still loading in the first seconds
   * after start. Waiting then, without blocking the event loop, beats answering a Spanish buyer
   * in English. Completes (without models) even if loading failed: the script still decides.
   */
  public Future<Void> readyFor(String text) {
    if (detector.modelsLoaded() || detector.detectByScript(text).isPresent()) {
      return Future.succeededFuture();
    }
    Scripts.Counts counts = wordsAndHan(text);
    if (counts.words() == 0) {
      return Future.succeededFuture();
    }
    Context context = Vertx.currentContext();
    Future<Void> loaded = context == null ? Future.fromCompletionStage(detector.modelsReady())
        : Future.fromCompletionStage(detector.modelsReady(), context);
    return loaded.otherwiseEmpty();
  }

  /**
   * What {@link #detect} found in a text: its words and Han characters (digits left out) and the
   * detector's best language, if any; {@link #resolve(Detection, String)} judges from it.
   */
  public record Detection(Scripts.Counts counts, Optional<DetectedLanguage> language) {}

  /**
   * What the detector says of {@code text}, computed off the event loop when it takes Lingua's
   * models (see {@link LanguageDetector#candidatesAsync}); for {@link #resolve(Detection, String)}.
   * Call it once {@link #readyFor} has completed.
   */
  public Future<Detection> detect(String text) {
    Scripts.Counts counts = wordsAndHan(text);
    if (counts.cjk() == 0 && counts.words() == 0) {
      return Future.succeededFuture(new Detection(counts, Optional.empty())); // resolve() keeps the conversation's language
    }
    if (!detector.modelsLoaded()) {
      return Future.succeededFuture(new Detection(counts, detector.detectByScript(text)));
    }
    var stage = detector.candidatesAsync(text);
    if (stage.toCompletableFuture().isDone()) {
      return Future.succeededFuture(new Detection(counts, best(stage.toCompletableFuture().join())));
    }
    Context context = Vertx.currentContext();
    Future<java.util.List<DetectedLanguage>> ranked = context == null ? Future.fromCompletionStage(stage)
        : Future.fromCompletionStage(stage, context);
    return ranked.map(candidates -> new Detection(counts, best(candidates)));
  }

  private static Optional<DetectedLanguage> best(java.util.List<DetectedLanguage> ranked) {
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  /** Words and Han characters, digits left out: a bare order number is not a sentence. */
  private static Scripts.Counts wordsAndHan(String text) {
    return Scripts.count(DIGITS.matcher(text).replaceAll(" "));
  }

  /** The language after {@code text}, given the conversation's language so far (null at first). */
  public String resolve(String text, String current) {
    // This runs on an event loop, which must never wait while 80 MB of models load: callers
    // first wait for readyFor(text); should loading have failed, only the writing system decides.
    return resolve(new Detection(wordsAndHan(text),
        detector.modelsLoaded() ? detector.detect(text) : detector.detectByScript(text)), current);
  }

  /**
   * The language after a message, given what {@link #detect} found in it and the conversation's
   * language so far (null at first).
   */
  public String resolve(Detection detection, String current) {
    int cjk = detection.counts().cjk();
    int words = detection.counts().words();
    if (cjk == 0 && words == 0) {
      return current;
    }
    Optional<DetectedLanguage> detected = detection.language();
    if (detected.isEmpty()) {
      return current;
    }
    boolean judgeable = cjk >= 2 || words >= 2 || (current == null && (cjk + words) > 0);
    if (current == null || (judgeable && !detected.get().code().equals(current))) {
      // Lingua's confidence is relative between candidate languages; a clear sentence scores high
      return current == null || detected.get().confidence() >= 0.5 || cjk >= 2 ? detected.get().code() : current;
    }
    return current;
  }
}
