package com.tradewind.knowledge.eval;

/**
 * One evaluation line.
 *
 * @param lang the question's language tag (zh, zh-Hant, en, …), used to group results only
 * @param doc the document expected to answer, or null for a question the base must not answer
 * @param fact text the answer must contain (compared after folding script and case)
 */
public record EvalQuestion(String q, String lang, String doc, String fact) {

  public boolean negative() {
    return fact == null;
  }
}
