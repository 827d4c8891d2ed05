package com.tradewind.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads HTML with jsoup: page chrome (navigation, header, footer, scripts, forms) is dropped,
 * {@code h1}–{@code h6} become headings, block elements become paragraphs.
 */
public final class HtmlExtractor implements DocumentExtractor {

  private static final String CHROME =
      "script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, button,"
          + " [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";
  private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, pre, blockquote, figcaption, caption";

  @Override
  public Extraction extract(byte[] bytes) {
    // jsoup honours a declared <meta charset>; undeclared bytes go through our detector first.
    String html = TextDecoder.decode(bytes);
    Document doc = Jsoup.parse(html);
    doc.select(CHROME).remove();
    List<Block> blocks = new ArrayList<>();
    Element body = doc.body();
    for (Element element : body.select(BLOCKS)) {
      if (hasBlockAncestorInSelection(element)) {
        continue;
      }
      String text = element.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      String tag = element.normalName();
      if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
        blocks.add(Block.heading(tag.charAt(1) - '0', text));
      } else {
        blocks.add(Block.paragraph(text));
      }
    }
    if (blocks.isEmpty() && !body.text().isBlank()) {
      blocks.add(Block.paragraph(body.text()));
    }
    String title = doc.title().isBlank() ? null : doc.title().strip();
    return new Extraction(title, blocks);
  }

  /** A {@code <p>} inside an {@code <li>} would otherwise be read twice. */
  private static boolean hasBlockAncestorInSelection(Element element) {
    for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
      if (parent.is("li, td, th, blockquote, dd, p")) {
        return true;
      }
    }
    return false;
  }
}
