package com.tradewind.knowledge.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Passes each word through and stacks its compound parts on it, at the same position, as
 * Lucene's own compound filters do. Stacked tokens do not count in a field's length, so a
 * compound's BM25 length stays that of one word, and a phrase over the whole word still matches.
 */
final class GermanCompoundFilter extends TokenFilter {

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final GermanCompounds compounds;
  private final ArrayDeque<String> pending = new ArrayDeque<>(4);
  private State word;

  GermanCompoundFilter(TokenStream input, GermanCompounds compounds) {
    super(input);
    this.compounds = compounds;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(word);
      term.setEmpty().append(pending.poll());
      increment.setPositionIncrement(0);
      length.setPositionLength(1);
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    if (term.length() >= GermanCompounds.MIN_LENGTH) {
      List<String> parts = compounds.parts(term.toString());
      if (!parts.isEmpty()) {
        pending.addAll(parts);
        word = captureState();
      }
    }
    return true;
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    word = null;
  }
}
