package com.tradewind.knowledge.search;

import com.tradewind.knowledge.index.LanguageAnalyzers;
import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Runs text through a language's analyzer, the same way the index saw it. */
public final class TermAnalysis {

  private final LanguageAnalyzers analyzers;
  private final Analyzer chineseWords = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();

  public TermAnalysis(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /**
   * Tokens for judging how much of a question a text covers: words, not index terms. Chinese is
   * cut into dictionary words whatever the index uses, because bigrams that straddle two words
   * ("流大" in 物流大概) exist in no passage and would make every Chinese question look
   * unanswerable.
   */
  public List<String> coverageTokens(String text, String lang) {
    // Passages and their sentences are judged again for every question that finds them, and
    // Chinese word segmentation is the costliest step of answering: remember recent results.
    return coverage.get(lang + "\u0000" + text,
        k -> List.copyOf(lang.equals("zh") ? tokens(text, lang, chineseWords) : tokens(text, lang)));
  }

  private final com.github.benmanes.caffeine.cache.Cache<String, List<String>> coverage =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

  /** {@link #coverageTokens} of a short, often repeated string (a glossary term), remembered. */
  public List<String> termTokens(String term, String lang) {
    return termCache.computeIfAbsent(lang + "\u0000" + term, k -> List.copyOf(coverageTokens(term, lang)));
  }

  private final java.util.concurrent.ConcurrentHashMap<String, List<String>> termCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** Tokens as the index holds them. */
  public List<String> tokens(String text, String lang) {
    return tokens(text, lang, analyzers.forLanguage(LanguageAnalyzers.indexLanguage(lang)));
  }

  /** Tokens as a query is built from them. */
  public List<String> queryTokens(String text, String lang) {
    return tokens(text, lang, analyzers.forQuery(LanguageAnalyzers.indexLanguage(lang)));
  }

  private List<String> tokens(String text, String lang, Analyzer analyzer) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("body_" + lang, ChineseScriptFolder.toSimplified(text))) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
    return tokens;
  }

  public LanguageAnalyzers analyzers() {
    return analyzers;
  }
}
