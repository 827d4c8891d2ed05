package com.tradewind.knowledge.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Chinese as overlapping bigrams and single characters (so one-character queries still match);
 * Latin words inside Chinese text are lower-cased and stemmed like English.
 */
public final class CjkBigramAnalyzer extends Analyzer {

  private final boolean unigrams;

  /**
   * @param unigrams also emit single characters: wanted in the index (one-character queries
   *     must match), not in queries, where overlapping unigrams and bigrams would make Lucene
   *     build a graph query of every combination
   */
  public CjkBigramAnalyzer(boolean unigrams) {
    this.unigrams = unigrams;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new CJKWidthFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
        | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, unigrams);
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }
}
