package com.tradewind.knowledge.index;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * One analyzer per language (stemming and stop words of that language; German also splits
 * compounds), and a field-name based wrapper: a field named {@code body_es} is analyzed as
 * Spanish. Languages without a dedicated analyzer fall back to the standard one.
 *
 * <p>Each language's analyzer is built the first time that language is used: Polish alone loads
 * a stemmer table of a few hundred kilobytes, and building all of them was a quarter of opening
 * an existing index, on the way to readiness, for languages most questions never touch.
 */
public final class LanguageAnalyzers {

  /** Languages with their own analysis chain. */
  public static final Set<String> LANGUAGES = Set.of("zh", "en", "es", "ru", "pt", "fr", "de", "ar", "it", "pl", "tr");

  private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();
  private final Analyzer fallback = new StandardAnalyzer();
  private final ChineseAnalysis chinese;
  private final Analyzer perField;
  private final Analyzer queryPerField;
  private final Analyzer chineseQuery;

  public LanguageAnalyzers(ChineseAnalysis chinese) {
    this.chinese = chinese;
    byLanguage.put("zh", chinese == ChineseAnalysis.SMARTCN ? new SmartChineseAnalyzer() : new CjkBigramAnalyzer(true));
    chineseQuery = chinese == ChineseAnalysis.SMARTCN ? byLanguage.get("zh") : new CjkBigramAnalyzer(false);
    perField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        int underscore = fieldName.lastIndexOf('_');
        return underscore < 0 ? fallback : forLanguage(fieldName.substring(underscore + 1));
      }
    };
    queryPerField = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        int underscore = fieldName.lastIndexOf('_');
        String lang = underscore < 0 ? "" : fieldName.substring(underscore + 1);
        return lang.equals("zh") ? chineseQuery : underscore < 0 ? fallback : forLanguage(lang);
      }
    };
  }

  /** Like {@link #perField()}, for building queries (Chinese bigram queries leave out unigrams). */
  public Analyzer queryPerField() {
    return queryPerField;
  }

  /** The analyzer questions in {@code code} are cut with. */
  public Analyzer forQuery(String code) {
    return code.equals("zh") ? chineseQuery : forLanguage(code);
  }

  public ChineseAnalysis chinese() {
    return chinese;
  }

  /** The analyzer for a language code; unknown codes get the standard analyzer. */
  public Analyzer forLanguage(String code) {
    Analyzer analyzer = code == null ? fallback : byLanguage.get(code);
    if (analyzer != null) {
      return analyzer;
    }
    return LANGUAGES.contains(code) ? byLanguage.computeIfAbsent(code, LanguageAnalyzers::create) : fallback;
  }

  private static Analyzer create(String code) {
    return switch (code) {
      case "en" -> new EnglishAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "ru" -> new RussianAnalyzer();
      case "pt" -> new PortugueseAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "de" -> new GermanCompoundAnalyzer();
      case "ar" -> new ArabicAnalyzer();
      case "it" -> new ItalianAnalyzer();
      case "pl" -> new PolishAnalyzer();
      case "tr" -> new TurkishAnalyzer();
      default -> throw new IllegalArgumentException("no analyzer for " + code); // "zh" is built eagerly
    };
  }

  /** The language whose fields a passage of {@code code} is indexed in. */
  public static String indexLanguage(String code) {
    return LANGUAGES.contains(code) ? code : "xx";
  }

  /** Analyzer choosing by field-name suffix, for the index writer. */
  public Analyzer perField() {
    return perField;
  }
}
