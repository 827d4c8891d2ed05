package com.tradewind.knowledge.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Passes tokens through and, after the last token of a glossary term, adds the term's mark at
 * the same position. Partial matches are followed by position, so stacked tokens
 * (Chinese unigrams and bigrams share positions) and stop-word gaps match exactly as a phrase
 * query would. Stacked tokens do not count in a field's length (BM25 discounts overlaps), so the
 * marks leave the words' scores alone.
 */
final class ConceptMarkFilter extends TokenFilter {

  private record Partial(ConceptMarks.Node node, int position) {}

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final PositionLengthAttribute length = addAttribute(PositionLengthAttribute.class);
  private final TypeAttribute type = addAttribute(TypeAttribute.class);
  private final ConceptMarks.Node root;
  private List<Partial> partials = new ArrayList<>();
  private List<Partial> advanced = new ArrayList<>();
  private final ArrayDeque<String> pending = new ArrayDeque<>();
  private State current;
  private int position;

  ConceptMarkFilter(TokenStream input, ConceptMarks.Node root) {
    super(input);
    this.root = root;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(current);
      term.setEmpty().append(pending.poll());
      increment.setPositionIncrement(0);
      length.setPositionLength(1);
      type.setType("concept");
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    position += increment.getPositionIncrement();
    match();
    if (!pending.isEmpty()) {
      current = captureState();
    }
    return true;
  }

  private void match() {
    char[] buffer = term.buffer();
    int len = term.length();
    advanced.clear();
    for (Partial partial : partials) {
      int delta = position - partial.position();
      if (delta > partial.node().maxDelta) {
        continue; // too far behind: no continuation can match any more
      }
      advanced.add(partial); // another token at a later or the same position may continue it
      if (delta > 0) {
        step(partial.node(), buffer, len, delta);
      }
    }
    step(root, buffer, len, -1);
    List<Partial> swap = partials;
    partials = advanced;
    advanced = swap;
  }

  /** Follows the edges for the current token; delta -1 starts a term (any position). */
  private void step(ConceptMarks.Node node, char[] buffer, int len, int delta) {
    List<ConceptMarks.Edge> edges = node.next.get(buffer, 0, len);
    if (edges == null) {
      return;
    }
    for (ConceptMarks.Edge edge : edges) {
      if (delta < 0 || edge.delta() == delta) {
        ConceptMarks.Node next = edge.node();
        for (String mark : next.ends) {
          if (!pending.contains(mark)) {
            pending.add(mark);
          }
        }
        if (!next.next.isEmpty()) {
          advanced.add(new Partial(next, position));
        }
      }
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    partials.clear();
    advanced.clear();
    pending.clear();
    current = null;
    position = -1;
  }
}
