package com.tradewind.knowledge.lang;

/** How many letters of each writing system a text has. */
record ScriptCounts(int letters, int han, int kana, int hangul, int arabic, int cyrillic) {

  static ScriptCounts of(String text) {
    int letters = 0, han = 0, kana = 0, hangul = 0, arabic = 0, cyrillic = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (!Character.isLetter(cp)) {
        continue;
      }
      letters++;
      switch (Character.UnicodeScript.of(cp)) {
        case HAN -> han++;
        case HIRAGANA, KATAKANA -> kana++;
        case HANGUL -> hangul++;
        case ARABIC -> arabic++;
        case CYRILLIC -> cyrillic++;
        default -> { }
      }
    }
    return new ScriptCounts(letters, han, kana, hangul, arabic, cyrillic);
  }
}
