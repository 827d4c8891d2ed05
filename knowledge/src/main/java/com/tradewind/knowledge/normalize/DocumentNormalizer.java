package com.tradewind.knowledge.normalize;

import com.tradewind.knowledge.ingest.Block;
import com.tradewind.knowledge.ingest.ExtractedDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cleans a whole corpus at once, because boilerplate is defined by repetition: a paragraph found
 * in three or more documents is site chrome and goes everywhere; one found in exactly two is
 * kept in the first (by path) only, so genuinely shared text is not lost; a short paragraph
 * repeated three or more times inside one document is a page header or footer.
 */
public final class DocumentNormalizer {

  private static final Pattern KEY_NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern SENTENCE_END = Pattern.compile("[。！？!?;；]|\\.(\\s|$)");
  private static final int MIN_TITLE_LIST = 5;

  /** Normalizes every document; the result is in the order of the input. */
  public List<NormalizedDocument> normalize(List<ExtractedDocument> corpus) {
    List<List<Cleaned>> cleaned = new ArrayList<>();
    Map<String, Set<Integer>> documentsByKey = new HashMap<>();
    for (int d = 0; d < corpus.size(); d++) {
      List<Cleaned> blocks = new ArrayList<>();
      for (Block block : corpus.get(d).blocks()) {
        String text = PinyinAnnotationStripper.strip(TextCleaner.clean(block.text()));
        String folded = ChineseScriptFolder.toSimplified(text);
        blocks.add(new Cleaned(block.withText(text), folded, key(folded)));
      }
      for (Cleaned c : blocks) {
        if (!c.block.isHeading() && !c.key.isEmpty()) {
          documentsByKey.computeIfAbsent(c.key, k -> new HashSet<>()).add(d);
        }
      }
      cleaned.add(blocks);
    }
    List<NormalizedDocument> out = new ArrayList<>(corpus.size());
    for (int d = 0; d < corpus.size(); d++) {
      out.add(filter(corpus.get(d), d, cleaned.get(d), documentsByKey));
    }
    return out;
  }

  private NormalizedDocument filter(ExtractedDocument doc, int index, List<Cleaned> blocks,
      Map<String, Set<Integer>> documentsByKey) {
    Map<String, Integer> withinCounts = new HashMap<>();
    for (Cleaned c : blocks) {
      withinCounts.merge(c.key, 1, Integer::sum);
    }
    int across = 0, within = 0, notices = 0, empty = 0;
    List<Cleaned> kept = new ArrayList<>();
    for (Cleaned c : blocks) {
      if (c.key.isEmpty() || !c.block.text().codePoints().anyMatch(Character::isLetter)) {
        empty++;
        continue;
      }
      if (!c.block.isHeading()) {
        Set<Integer> docs = documentsByKey.getOrDefault(c.key, Set.of());
        if (docs.size() >= 3 || (docs.size() == 2 && docs.stream().mapToInt(Integer::intValue).min().getAsInt() != index)) {
          across++;
          continue;
        }
        if (withinCounts.get(c.key) >= 3 && c.key.length() <= 100) {
          within++;
          continue;
        }
      }
      if (NoticeDetector.isNotice(c.folded)) {
        notices++;
        continue;
      }
      kept.add(c);
    }
    int beforeLists = kept.size();
    kept = dropUnrelatedTitleLists(kept);
    int titleLists = beforeLists - kept.size();
    List<Block> result = new ArrayList<>(kept.size());
    for (Cleaned c : kept) {
      result.add(c.block);
    }
    String title = PinyinAnnotationStripper.strip(TextCleaner.clean(doc.title()));
    if (title.isEmpty() || NoticeDetector.isNotice(ChineseScriptFolder.toSimplified(title))) {
      title = fileStem(doc.path());
    }
    return new NormalizedDocument(doc.path(), title, result,
        new NormalizedDocument.RemovalCounts(across, within, notices, titleLists, empty));
  }

  /**
   * Runs of short, unpunctuated paragraphs that share almost no vocabulary with the rest of
   * the document are the "related documents" lists of sharing sites.
   */
  private static List<Cleaned> dropUnrelatedTitleLists(List<Cleaned> blocks) {
    List<Cleaned> out = new ArrayList<>(blocks.size());
    int i = 0;
    while (i < blocks.size()) {
      int j = i;
      while (j < blocks.size() && isTitleLike(blocks.get(j))) {
        j++;
      }
      if (j - i >= MIN_TITLE_LIST) {
        Set<String> rest = new HashSet<>();
        for (int k = 0; k < blocks.size(); k++) {
          if (k < i || k >= j) {
            rest.addAll(bigrams(blocks.get(k).key));
          }
        }
        double overlap = 0;
        for (int k = i; k < j; k++) {
          Set<String> own = bigrams(blocks.get(k).key);
          long shared = own.stream().filter(rest::contains).count();
          overlap += own.isEmpty() ? 0 : (double) shared / own.size();
        }
        if (overlap / (j - i) >= 0.35) {
          out.addAll(blocks.subList(i, j));
        }
        i = j;
      } else if (j > i) {
        out.addAll(blocks.subList(i, j));
        i = j;
      } else {
        out.add(blocks.get(i));
        i++;
      }
    }
    return out;
  }

  private static boolean isTitleLike(Cleaned c) {
    String text = c.block.text();
    return !c.block.isHeading() && text.length() <= 60 && !SENTENCE_END.matcher(text).find();
  }

  private static Set<String> bigrams(String key) {
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 2 <= key.length(); i++) {
      grams.add(key.substring(i, i + 2));
    }
    return grams;
  }

  static String key(String folded) {
    String lower = folded.toLowerCase(Locale.ROOT);
    return KEY_NOISE.matcher(DIGITS.matcher(lower).replaceAll("0")).replaceAll("");
  }

  private static String fileStem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private record Cleaned(Block block, String folded, String key) {}
}
