package com.tradewind.knowledge.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The folding table shipped in the jar must say what ICU says, so that an ICU upgrade cannot make
 * the index and the questions fold differently without a test failing.
 */
class ChineseScriptTableTest {

  @Test
  void tableMatchesIcuForEveryHanCharacter() throws IOException {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    StringBuilder expected = new StringBuilder();
    for (int c = 0; c < 0x10000; c++) {
      if (Character.isSurrogate((char) c) || !Scripts.isHan(c)) {
        continue;
      }
      String simplified = icu.transliterate(String.valueOf((char) c));
      if (simplified.length() != 1) {
        expected.append((char) c).append("\t*\n");
      } else if (simplified.charAt(0) != c) {
        expected.append((char) c).append('\t').append(simplified).append('\n');
      }
    }
    String table;
    try (var in = ChineseScriptFolder.class.getResourceAsStream("traditional-simplified.txt")) {
      table = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
          .map(l -> l + "\n").reduce("", String::concat);
    }
    if (!table.contentEquals(expected)) {
      Path fresh = Path.of("target", "traditional-simplified.txt");
      Files.writeString(fresh, expected);
      assertEquals(expected.toString(), table, "the table differs from ICU: copy " + fresh.toAbsolutePath()
          + " (after the two comment lines) to src/main/resources/com/tradewind/knowledge/normalize/");
    }
  }

  @Test
  void foldsLikeIcu() {
    Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
    for (String text : new String[] {"運費範本怎麼設置", "賣家後臺 物流 shipping 32 天", "龜 鬱 臺灣", "\u9f58\u9f6e 齒", "plain text"}) {
      assertEquals(icu.transliterate(text), ChineseScriptFolder.toSimplified(text), text);
    }
  }
}
