package com.tradewind.knowledge.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.knowledge.ingest.Block;
import com.tradewind.knowledge.ingest.ExtractedDocument;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the knowledge normalizer, which sees whatever text the documents
 * hold: 100,000 generated inputs per property (junit-platform.properties), from a fixed seed.
 */
class NormalizerFuzzTest {

  private static final String SEED = "20261128";
  private static final Pattern JUNK =
      Pattern.compile("[\\uFFFD\\uE000-\\uF8FF\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\uFEFF\\u200B-\\u200D\\u2060]");

  @Property(seed = SEED)
  void cleanTextHasNoJunkNoDoubleSpacesAndNoOuterSpace(@ForAll("documentText") String text) {
    String clean = TextCleaner.clean(text);
    assertFalse(JUNK.matcher(clean).find(), "junk left in " + escape(clean));
    assertFalse(clean.contains("  "), "double space in " + escape(clean));
    assertEquals(clean.strip(), clean);
  }

  @Property(seed = SEED)
  void pinyinStrippingOnlyDeletes(@ForAll("documentText") String text) {
    String stripped = PinyinAnnotationStripper.strip(text);
    int j = 0;
    for (int i = 0; i < text.length() && j < stripped.length(); i++) {
      if (text.charAt(i) == stripped.charAt(j)) {
        j++;
      }
    }
    assertEquals(stripped.length(), j, "not a subsequence of the input: " + escape(stripped));
  }

  @Property(seed = SEED)
  void simplifiedFoldingChangesOnlyHanCharacters(@ForAll("documentText") String text) {
    String folded = ChineseScriptFolder.toSimplified(text);
    String nonHan = text.codePoints().filter(c -> !Character.isIdeographic(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    String foldedNonHan = folded.codePoints().filter(c -> !Character.isIdeographic(c))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    assertEquals(nonHan, foldedNonHan, "only Han characters change");
    NoticeDetector.isNotice(folded); // must not throw on anything
  }

  @Property(seed = SEED, tries = 5_000)
  void documentNormalizationNeverFailsAndKeepsNoEmptyBlocks(@ForAll("corpora") List<ExtractedDocument> corpus) {
    List<NormalizedDocument> normalized = new DocumentNormalizer().normalize(corpus);
    assertEquals(corpus.size(), normalized.size());
    for (NormalizedDocument d : normalized) {
      assertTrue(d.blocks().stream().noneMatch(b -> b.text().isBlank()), "empty block kept in " + d.path());
    }
  }

  @Provide
  Arbitrary<String> documentText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(16),
        Arbitraries.strings().withCharRange('\u4e00', '\u9fa5').ofMaxLength(10),
        Arbitraries.of("運(yùn)營(yíng)", "（CE）", "(B2C)", "锟斤拷", "烫烫烫", "Ã©", "â€™", "Â ", "\uFFFD", "\uE000", "\u0000",
            "\u200B", "\u3000", "\u00A0", "ＡＢＣ", "１２３", "發貨", "物流", "(see below)", "(hao)", "\n", "\t", " ", "™"));
    return piece.list().ofMaxSize(8).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<ExtractedDocument>> corpora() {
    Arbitrary<Block> block = Arbitraries.oneOf(
        documentText().map(Block::paragraph),
        documentText().map(t -> Block.heading(1 + Math.abs(t.hashCode()) % 4, t)));
    Arbitrary<ExtractedDocument> document = block.list().ofMaxSize(6)
        .map(blocks -> new ExtractedDocument("doc" + Math.abs(blocks.hashCode()) + ".md", "title", blocks));
    return document.list().ofMaxSize(4);
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return out.toString();
  }
}
