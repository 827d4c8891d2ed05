package com.tradewind.knowledge.passage;

/**
 * The unit of search and citation.
 *
 * @param id stable identifier: the document path plus a hash of the passage's place and text
 * @param path the document's path relative to the knowledge folder
 * @param title the document title
 * @param section the heading path, outermost first, joined with " › " (empty before any heading)
 * @param text the display text in its original script
 * @param ordinal position of the passage in its document
 * @param language ISO 639-1 code of the passage's text ("" until detected)
 */
public record Passage(String id, String path, String title, String section, String text, int ordinal, String language) {

  public Passage withLanguage(String code) {
    return new Passage(id, path, title, section, text, ordinal, code);
  }
}
