package com.tradewind.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.search.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * German questions and passages name one thing with different compounds: the question says
 * "Zoll", the passage "Zollabfertigung". Only their parts can match.
 */
class GermanCompoundSearchTest {

  @Test
  void aQuestionFindsThePassageThatHoldsItsWordInsideACompound(@TempDir Path root) throws Exception {
    Path docs = root.resolve("kb");
    TestSupport.write(docs, "buyer/de/sendung.md", """
        # Sendungsverfolgung

        ## Zwischen China und Ihrem Land

        Die Zollabfertigung im Zielland dauert meist 2-7 Tage, in der Hochsaison auch länger.

        ## Rücksendungen

        Eine Rücksendung an den Verkäufer dauert meist 10-15 Tage, bis sie im Lager ankommt.
        """);
    TestSupport.write(docs, "buyer/de/konto.md", """
        # Ihr Konto

        ## Anmeldung

        Melden Sie sich mit Ihrer E-Mail-Adresse an. Nach fünf falschen Versuchen wird das Konto
        für 30 Minuten gesperrt.
        """);
    try (KnowledgeBase kb = KnowledgeBase.open(KnowledgeOptions.of(docs, root.resolve("data"), Path.of("config/glossary.tsv")),
        TestSupport.detector())) {
      kb.refresh();
      Answer answer = kb.ask("Wie lange dauert der Zoll normalerweise?", "de");
      assertFalse(answer.sources().isEmpty(), "no passage holds \"Zoll\" as a word of its own");
      assertEquals("Zwischen China und Ihrem Land", answer.sources().get(0).section(), answer.sources().toString());
      assertTrue(answer.answered(), "confidence " + answer.confidence());
      assertTrue(answer.text().contains("2-7 Tage"), answer.text());
    }
  }
}
