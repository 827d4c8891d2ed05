package com.tradewind.knowledge.ingest;

import java.util.List;

/**
 * The text of one source file, before normalization.
 *
 * @param path path relative to the knowledge folder, with '/' separators; the citation key
 * @param title the document title (from metadata, the first heading or the file name)
 * @param blocks headings and paragraphs in reading order
 */
public record ExtractedDocument(String path, String title, List<Block> blocks) {
  public ExtractedDocument {
    blocks = List.copyOf(blocks);
  }
}
