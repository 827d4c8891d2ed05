package com.tradewind.knowledge.index;

/** Field names of the passage index. Searchable fields carry a language suffix: {@code body_zh}. */
public final class PassageFields {
  public static final String ID = "id";
  public static final String PATH = "path";
  public static final String LANGUAGE = "lang";
  public static final String TITLE = "title";
  public static final String SECTION = "section";
  public static final String TEXT = "text";
  public static final String ORDINAL = "ordinal";
  /** What a search hit shows, in one binary doc value (see {@link PassageRecords}). */
  public static final String RECORD = "record";

  private PassageFields() {}

  public static String title(String lang) {
    return "title_" + lang;
  }

  public static String section(String lang) {
    return "section_" + lang;
  }

  public static String body(String lang) {
    return "body_" + lang;
  }

  /**
   * The term that marks where a concept's synonym (its {@code synonym}-th term in the passage's
   * language) occurs in the title and body fields (see {@link ConceptMarks}). It starts with a
   * control character, which no analyzer keeps, so no word of a text or question can equal it.
   */
  public static String conceptTerm(String conceptId, int synonym) {
    return "\u0001" + conceptId + "#" + synonym;
  }
}
