package com.tradewind.knowledge.ingest;

import java.nio.charset.StandardCharsets;

/** Test access to extraction without files on disk. */
public final class PlainTextExtractorAccess {

  private PlainTextExtractorAccess() {}

  public static ExtractedDocument read(String path, String text) {
    var extraction = new PlainTextExtractor().extract(text.getBytes(StandardCharsets.UTF_8));
    return new ExtractedDocument(path, extraction.blocks().get(0).text(), extraction.blocks());
  }
}
