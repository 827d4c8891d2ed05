package com.tradewind.knowledge.lang;

import com.tradewind.knowledge.ingest.Block;
import com.tradewind.knowledge.normalize.NormalizedDocument;
import com.tradewind.knowledge.normalize.Scripts;
import com.tradewind.knowledge.passage.Passage;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the language each passage is indexed in: the document's language, detected once from
 * a sample of its text, unless a passage's script says otherwise (an English paragraph in a
 * Chinese guide, a Chinese glossary in an English one). Detecting per document keeps indexing
 * fast; detecting per passage only where scripts disagree keeps mixed documents right.
 */
public final class PassageLanguages {

  private static final int SAMPLE_CHARS = 3000;
  private final LanguageDetector detector;

  public PassageLanguages(LanguageDetector detector) {
    this.detector = detector;
  }

  public String documentLanguage(NormalizedDocument doc) {
    StringBuilder sample = new StringBuilder();
    for (Block block : doc.blocks()) {
      if (sample.length() > SAMPLE_CHARS) {
        break;
      }
      sample.append(block.text()).append('\n');
    }
    return detector.detect(sample.toString()).map(DetectedLanguage::code).orElse("en");
  }

  public List<Passage> assign(NormalizedDocument doc, List<Passage> passages) {
    String docLang = documentLanguage(doc);
    List<Passage> out = new ArrayList<>(passages.size());
    for (Passage p : passages) {
      double han = Scripts.hanRatio(p.text());
      String lang = docLang;
      if (docLang.equals("zh") && han < 0.2 || !docLang.equals("zh") && han > 0.5) {
        lang = detector.detect(p.text()).map(DetectedLanguage::code).orElse(docLang);
      }
      out.add(p.withLanguage(lang));
    }
    return out;
  }
}
