package com.tradewind.knowledge.ingest;

import java.io.IOException;
import java.util.List;

/** Turns the bytes of one file format into text blocks. Implementations are stateless. */
public interface DocumentExtractor {

  /**
   * @param bytes the whole file
   * @return the blocks in reading order; a title may be found as the first level-1 heading
   * @throws IOException when the bytes are not a readable file of this format
   */
  Extraction extract(byte[] bytes) throws IOException;

  /** Blocks plus the title the format declares, if any (HTML {@code <title>}, PDF metadata). */
  record Extraction(String declaredTitle, List<Block> blocks) {}
}
