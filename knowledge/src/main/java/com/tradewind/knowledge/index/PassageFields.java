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
}
