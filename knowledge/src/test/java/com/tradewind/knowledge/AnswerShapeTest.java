package com.tradewind.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.search.Answer;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an answer is made of: a "how long" question wants a duration next to its topic, not any
 * number; a sentence ending in a colon brings the list it introduces; a short sentence brings
 * the neighbours it leans on.
 */
class AnswerShapeTest {

  @TempDir
  Path root;
  Path docs;

  @BeforeEach
  void folder() {
    docs = root.resolve("kb");
    TestSupport.write(docs, "seller/en/arbitration.md", """
        # Arbitration

        ## Effects on your account

        Escalated disputes count toward your arbitration rate, which must stay under 0.5%.

        ## Advice

        Settle before arbitration where you can. After a return arrives, confirm receipt within 7 days.

        ## Quick answers

        - "How long does arbitration take?" A ruling usually comes within 7 working days.
        - "Who pays for a return?" The seller, when the item was not as described.
        """);
    TestSupport.write(docs, "buyer/en/protection.md", """
        # Buyer protection

        ## Protection periods

        Every order shows its protection countdown:
        - Economy and standard shipping: 60 days.
        - Express shipping: 30 days.
        - Local warehouse: 15 days.

        ## Tracking

        The first carrier scan can take up to 5 days to appear.
        "No information" is normal then.
        After 5 days without a scan, write to the seller.
        """);
  }

  private KnowledgeBase open() throws Exception {
    return KnowledgeBase.open(KnowledgeOptions.of(docs, root.resolve("data"), Path.of("config/glossary.tsv")),
        TestSupport.detector());
  }

  @Test
  void aHowLongQuestionIsAnsweredWithADurationOfItsTopic() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      Answer answer = kb.ask("how long does arbitration take?", "en");
      assertEquals("Quick answers", answer.sources().get(0).section(), answer.sources().toString());
      assertTrue(answer.answered());
      assertTrue(answer.text().contains("within 7 working days"), answer.text());
    }
  }

  @Test
  void aSentenceEndingInAColonBringsItsListAndAShortOneItsNeighbours() throws Exception {
    try (KnowledgeBase kb = open()) {
      kb.refresh();
      Answer periods = kb.ask("what is the protection countdown of an order?", "en");
      assertTrue(periods.answered(), "confidence " + periods.confidence());
      assertTrue(periods.text().contains("Every order shows its protection countdown:"), periods.text());
      assertTrue(periods.text().contains("60 days") && periods.text().contains("30 days"), periods.text());

      Answer normal = kb.ask("no information in tracking, is that normal?", "en");
      assertTrue(normal.answered(), "confidence " + normal.confidence());
      assertTrue(normal.text().contains("\"No information\" is normal then."), normal.text());
      assertTrue(normal.text().contains("up to 5 days"), "the sentence it refers to: " + normal.text());
    }
  }
}
