package com.tradewind.knowledge.lang;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Identifies the language of short texts. The writing system decides wherever it is unambiguous
 * (Han, kana, Hangul, Arabic); Lingua's statistical models decide between languages that share a
 * script (Latin, Cyrillic), restricted to the languages we serve so that short chat messages are
 * not mistaken for a language nobody writes to us in.
 */
public final class LanguageDetector {

  private final com.github.pemistahl.lingua.api.LanguageDetector latin;
  private final com.github.pemistahl.lingua.api.LanguageDetector cyrillic;

  /** Loads every language model now (a few seconds): for commands that answer at once. */
  public LanguageDetector() {
    this(true);
  }

  /**
   * @param preload false to load models on first use, so a server can be ready before they are
   *     loaded and warm them up in the background with {@link #warmUp()}
   */
  public LanguageDetector(boolean preload) {
    var latinBuilder = LanguageDetectorBuilder.fromLanguages(
        Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH,
        Language.GERMAN, Language.ITALIAN, Language.POLISH, Language.TURKISH);
    var cyrillicBuilder = LanguageDetectorBuilder.fromLanguages(Language.RUSSIAN, Language.UKRAINIAN);
    latin = (preload ? latinBuilder.withPreloadedLanguageModels() : latinBuilder).build();
    cyrillic = (preload ? cyrillicBuilder.withPreloadedLanguageModels() : cyrillicBuilder).build();
  }

  /** Loads the models of every language by using them once. Blocking. */
  public void warmUp() {
    latin.computeLanguageConfidenceValues("where is my order, dónde está mi pedido, onde está, où est ma commande, wo ist meine bestellung, dov'è il mio ordine, gdzie jest moje zamówienie, siparişim nerede");
    cyrillic.computeLanguageConfidenceValues("где мой заказ, де моє замовлення");
  }

  /** The language of {@code text}, or empty when it has no letters to judge (digits, emoji). */
  public Optional<DetectedLanguage> detect(String text) {
    ScriptCounts counts = ScriptCounts.of(text);
    if (counts.letters() == 0) {
      return Optional.empty();
    }
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
    var detector = counts.cyrillic() * 2 >= counts.letters() ? cyrillic : latin;
    Map<Language, Double> confidences = detector.computeLanguageConfidenceValues(text);
    if (confidences.isEmpty()) {
      return Optional.empty();
    }
    var best = confidences.entrySet().iterator().next();
    String code = best.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    return Optional.of(new DetectedLanguage(code, false, best.getValue()));
  }

  /**
   * The likely languages, best first: one for an unambiguous script, otherwise those Lingua
   * rates at least half as likely as the best (Spanish and Portuguese chat often tie).
   */
  public java.util.List<DetectedLanguage> candidates(String text) {
    Optional<DetectedLanguage> best = detect(text);
    if (best.isEmpty()) {
      return java.util.List.of();
    }
    ScriptCounts counts = ScriptCounts.of(text);
    boolean latin = counts.cyrillic() * 2 < counts.letters();
    if (Set.of("zh", "ja", "ko", "ar").contains(best.get().code())) {
      return java.util.List.of(best.get());
    }
    var detector = latin ? this.latin : cyrillic;
    java.util.List<DetectedLanguage> out = new java.util.ArrayList<>();
    for (var e : detector.computeLanguageConfidenceValues(text).entrySet()) {
      if (e.getValue() >= best.get().confidence() * 0.5 && out.size() < 2) {
        out.add(new DetectedLanguage(e.getKey().getIsoCode639_1().name().toLowerCase(Locale.ROOT), false, e.getValue()));
      }
    }
    return out.isEmpty() ? java.util.List.of(best.get()) : out;
  }

  private static double share(int part, ScriptCounts counts) {
    return Math.min(1.0, (double) part / counts.letters());
  }
}
