package com.tradewind.knowledge.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tradewind.knowledge.search.TermAnalysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the tokens each language produces, so an analysis change is a visible decision. */
class LanguageAnalyzersTest {

  private final TermAnalysis bigram = new TermAnalysis(new LanguageAnalyzers(ChineseAnalysis.BIGRAM));
  private final TermAnalysis smart = new TermAnalysis(new LanguageAnalyzers(ChineseAnalysis.SMARTCN));

  @Test
  void eachLanguageGetsOneAnalyzerBuiltOnFirstUseAndUnknownOnesTheStandardOne() {
    LanguageAnalyzers analyzers = new LanguageAnalyzers(ChineseAnalysis.BIGRAM);
    org.apache.lucene.analysis.Analyzer polish = analyzers.forLanguage("pl");
    org.junit.jupiter.api.Assertions.assertInstanceOf(org.apache.lucene.analysis.pl.PolishAnalyzer.class, polish);
    org.junit.jupiter.api.Assertions.assertSame(polish, analyzers.forLanguage("pl"));
    org.apache.lucene.analysis.Analyzer standard = analyzers.forLanguage("xx");
    org.junit.jupiter.api.Assertions.assertInstanceOf(org.apache.lucene.analysis.standard.StandardAnalyzer.class, standard);
    org.junit.jupiter.api.Assertions.assertSame(standard, analyzers.forLanguage(null));
  }

  @Test
  void chineseBigramsWithUnigramsInTheIndexAndBigramsInQueries() {
    assertEquals(List.of("仲", "仲裁", "裁"), bigram.tokens("仲裁", "zh"));
    assertEquals(List.of("仲裁", "裁要", "要多", "多久"), bigram.queryTokens("仲裁要多久", "zh"));
  }

  @Test
  void traditionalQueriesAreAnalyzedAsSimplified() {
    assertEquals(bigram.queryTokens("平台仲裁", "zh"), bigram.queryTokens("平臺仲裁", "zh"));
  }

  @Test
  void smartChineseCutsDictionaryWords() {
    assertEquals(List.of("平台", "仲裁", "要", "多久"), smart.tokens("平台仲裁要多久", "zh"));
  }

  @Test
  void europeanLanguagesStemAndDropStopWords() {
    assertEquals(List.of("ship", "templat"), bigram.tokens("the shipping templates", "en"));
    assertEquals(List.of("envi", "economic"), bigram.tokens("el envío económico", "es"));
    assertEquals(List.of("экономичн", "доставк"), bigram.tokens("экономичная доставка", "ru"));
    assertEquals(List.of("envi", "economic"), bigram.tokens("o envio econômico", "pt"));
    assertEquals(List.of("livraison", "econom"), bigram.tokens("la livraison économique", "fr"));
    assertEquals(List.of("gunstig", "versand"), bigram.tokens("der günstige Versand", "de"));
    assertEquals(List.of("spedizion", "economic"), bigram.tokens("la spedizione economica", "it"));
    assertEquals(List.of("kargo", "süres"), bigram.tokens("kargo süresi", "tr"));
  }

  @Test
  void germanCompoundsKeepTheWordAndStackTheirPartsOnIt() throws Exception {
    assertEquals(List.of("kauferschutzfrist", "kauf", "schutz", "frist"), bigram.tokens("Käuferschutzfrist", "de"));
    assertEquals(List.of("zollabfertigung", "zoll", "abfertigung", "dauert"), bigram.tokens("die Zollabfertigung dauert", "de"));
    // the linking s is dropped, so the part is the noun as it stands alone
    assertEquals(List.of("sendungsnumm", "sendung", "numm"), bigram.tokens("Sendungsnummer", "de"));
    // short words, words the dictionary cannot split and letter runs with digits stay whole
    assertEquals(List.of("gunstig", "versand"), bigram.tokens("der günstige Versand", "de"));
    assertEquals(List.of("versandkosten123"), bigram.tokens("Versandkosten123", "de"));
    String noise = "q".repeat(60);
    assertEquals(List.of(noise), bigram.tokens(noise, "de"));

    var analyzer = new LanguageAnalyzers(ChineseAnalysis.BIGRAM).forLanguage("de");
    List<Integer> increments = new java.util.ArrayList<>();
    try (var stream = analyzer.tokenStream("body_de", "Zollabfertigung dauert")) {
      var increment = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        increments.add(increment.getPositionIncrement());
      }
      stream.end();
    }
    assertEquals(List.of(1, 0, 0, 1), increments, "parts stand at the compound's position");
  }

  @Test
  void arabicAndPolishHaveTheirOwnChains() {
    assertEquals(List.of("شحن", "اقتصاد"), bigram.tokens("الشحن الاقتصادي", "ar"));
    assertEquals(List.of("wysyłka", "ekonomiczny"), bigram.tokens("wysyłka ekonomiczna", "pl"));
  }
}
