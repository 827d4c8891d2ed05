package com.tradewind.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.index.ChineseAnalysis;
import com.tradewind.knowledge.index.LanguageAnalyzers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Stop words vanish in analysis: "what cannot be returned" and "can it be returned" analyze
 * alike, and "bis wann" is just "wann". A glossary term that loses words must be written in the
 * question, and a term that negates covers only a text that negates.
 */
class GlossaryStopWordTermsTest {

  private final TermAnalysis analysis = new TermAnalysis(new LanguageAnalyzers(ChineseAnalysis.BIGRAM));

  private boolean mentions(Glossary glossary, String question, String lang, String concept) {
    return glossary.find(question, analysis.tokens(question, lang), lang, analysis).stream()
        .anyMatch(m -> m.concept().id().equals(concept));
  }

  @Test
  void aNegatingTermIsRecognisedOnlyInAQuestionThatNegates() throws Exception {
    Glossary glossary = Glossary.load(Path.of("config/glossary.tsv"));
    assertTrue(mentions(glossary, "which items cannot be returned?", "en", "non_returnable"));
    assertTrue(mentions(glossary, "¿qué productos no se pueden devolver?", "es", "non_returnable"));
    assertTrue(mentions(glossary, "welche Artikel kann man nicht zurückgeben?", "de", "non_returnable"));
    assertTrue(mentions(glossary, "quels articles ne peuvent pas être retournés ?", "fr", "non_returnable"));

    assertFalse(mentions(glossary, "which items can be returned?", "en", "non_returnable"));
    assertFalse(mentions(glossary, "¿qué productos se pueden devolver?", "es", "non_returnable"));
    assertFalse(mentions(glossary, "welche Artikel kann man zurückgeben?", "de", "non_returnable"));
    assertFalse(mentions(glossary, "quels articles peuvent être retournés ?", "fr", "non_returnable"));
  }

  @Test
  void aTermThatLosesStopWordsMatchesOnlyWhereItIsWritten() throws Exception {
    Glossary glossary = Glossary.load(Path.of("config/glossary.tsv"));
    // "bis wann" is analysed as "wann", "hasta cuándo" as "cuándo": as tokens alone, every
    // question with "when" would ask for a deadline
    assertTrue(mentions(glossary, "bis wann muss ich die Rücksendung beantragen?", "de", "deadline"));
    assertFalse(mentions(glossary, "wann kommt mein Paket an?", "de", "deadline"));
    assertTrue(mentions(glossary, "¿hasta cuándo puedo abrir una disputa?", "es", "deadline"));
    assertFalse(mentions(glossary, "¿cuándo llega mi paquete?", "es", "deadline"));
    assertTrue(mentions(glossary, "how many days do I have to return it?", "en", "deadline"));
    assertFalse(mentions(glossary, "how many days does shipping take?", "en", "deadline"));
  }

  @Test
  void negationWordsAreWholeWordsOrElidedPrefixes() {
    assertTrue(Negations.negates("I did not get it", "en"));
    assertFalse(Negations.negates("a note about knots", "en"), "no word merely containing 'not'");
    assertTrue(Negations.negates("ce n'est pas livré", "fr"));
    assertFalse(Negations.negates("une nectarine", "fr"));
    assertTrue(Negations.negates("посылка не пришла", "ru"));
    assertFalse(Negations.negates("Не", "xx"), "a language without a list never negates");
  }
}
