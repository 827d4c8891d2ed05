package com.tradewind.knowledge.index;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's German chain (lower case, stop words, umlaut normalization, light stemming) with
 * compound parts stacked on each compound word (see {@link GermanCompounds}), so that
 * "Zollabfertigung" in a passage answers a question about "Zoll".
 */
public final class GermanCompoundAnalyzer extends StopwordAnalyzerBase {

  private final GermanCompounds compounds = new GermanCompounds();

  public GermanCompoundAnalyzer() {
    super(GermanAnalyzer.getDefaultStopSet());
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    // before the stop filter, so that a part that is a stop word is dropped like any other
    stream = new GermanCompoundFilter(stream, compounds);
    stream = new StopFilter(stream, stopwords);
    stream = new GermanNormalizationFilter(stream);
    stream = new GermanLightStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new GermanNormalizationFilter(new LowerCaseFilter(in));
  }
}
