package com.tradewind.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads plain text in any encoding {@link TextDecoder} detects. Every non-empty line is a
 * paragraph: text scraped from PDFs or slides rarely keeps meaningful line wrapping, and
 * short lines are what the boilerplate filter judges best one by one.
 */
public final class PlainTextExtractor implements DocumentExtractor {

  @Override
  public Extraction extract(byte[] bytes) {
    return new Extraction(null, lines(TextDecoder.decode(bytes)));
  }

  static List<Block> lines(String text) {
    List<Block> blocks = new ArrayList<>();
    for (String line : text.split("\\R")) {
      String stripped = line.strip();
      if (stripped.startsWith("- ") || stripped.startsWith("• ")) {
        stripped = stripped.substring(2).strip();
      }
      if (!stripped.isEmpty()) {
        blocks.add(Block.paragraph(stripped));
      }
    }
    return blocks;
  }
}
