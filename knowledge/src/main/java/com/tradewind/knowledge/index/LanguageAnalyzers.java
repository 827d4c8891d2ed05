package com.tradewind.knowledge.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
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
 * One analyzer per language (stemming and stop words of that language), and a field-name based
 * wrapper: a field named {@code body_es} is analyzed as Spanish. Languages without a dedicated
 * analyzer fall back to the standard one.
 */
public final class LanguageAnalyzers {

  /** Languages with their own analysis chain. */
  public static final Set<String> LANGUAGES = Set.of("zh", "en", "es", "ru", "pt", "fr", "de", "ar", "it", "pl", "tr");

  private final Map<String, Analyzer> byLanguage = new HashMap<>();
  private final Analyzer fallback = new StandardAnalyzer();
  private final ChineseAnalysis chinese;
  private final Analyzer perField;
  private final Analyzer queryPerField;
  private final Analyzer chineseQuery;

  public LanguageAnalyzers(ChineseAnalysis chinese) {
    this.chinese = chinese;
    byLanguage.put("zh", chinese == ChineseAnalysis.SMARTCN ? new SmartChineseAnalyzer() : new CjkBigramAnalyzer(true));
    chineseQuery = chinese == ChineseAnalysis.SMARTCN ? byLanguage.get("zh") : new CjkBigramAnalyzer(false);
    byLanguage.put("en", new EnglishAnalyzer());
    byLanguage.put("es", new SpanishAnalyzer());
    byLanguage.put("ru", new RussianAnalyzer());
    byLanguage.put("pt", new PortugueseAnalyzer());
    byLanguage.put("fr", new FrenchAnalyzer());
    byLanguage.put("de", new GermanAnalyzer());
    byLanguage.put("ar", new ArabicAnalyzer());
    byLanguage.put("it", new ItalianAnalyzer());
    byLanguage.put("pl", new PolishAnalyzer());
    byLanguage.put("tr", new TurkishAnalyzer());
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
    return byLanguage.getOrDefault(code, fallback);
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
