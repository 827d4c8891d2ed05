package com.tradewind.knowledge.search;

import com.tradewind.knowledge.normalize.ChineseScriptFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cross-language domain glossary: concepts with their terms per language, read from a TSV
 * file whose header names the languages ({@code id zh en es …}) and whose cells list synonyms
 * separated by {@code |}. Used to find the concepts a question mentions and to search for them
 * in every language.
 */
public final class Glossary {

  /** One concept and its terms by language code. */
  public record Concept(String id, Map<String, List<String>> terms) {
    public List<String> terms(String lang) {
      return terms.getOrDefault(lang, List.of());
    }
  }

  /** A concept found in a question, with the question tokens its term covered. */
  public record Match(Concept concept, String term, List<String> coveredTokens) {}

  private final List<Concept> concepts;
  private final List<String> languages;
  /** Per language: analyzed term → concepts, for token-sequence matching. */
  private final Map<String, List<AnalyzedTerm>> analyzed = new HashMap<>();

  private record AnalyzedTerm(Concept concept, String term, List<String> tokens) {}

  private Glossary(List<String> languages, List<Concept> concepts) {
    this.languages = languages;
    this.concepts = concepts;
  }

  public static Glossary empty() {
    return new Glossary(List.of(), List.of());
  }

  /** Reads a glossary; malformed rows are reported with their line number. */
  public static Glossary load(Path tsv) throws IOException {
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      throw new IOException(tsv + ": empty glossary");
    }
    String[] header = lines.get(0).replace("\uFEFF", "").split("\t");
    if (header.length < 3 || !header[0].equals("id")) {
      throw new IOException(tsv + ": the first line must be 'id<TAB>lang<TAB>lang…'");
    }
    List<String> langs = new ArrayList<>();
    for (int i = 1; i < header.length; i++) {
      langs.add(header[i].strip());
    }
    List<Concept> concepts = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length != header.length) {
        throw new IOException(tsv + ":" + (n + 1) + ": expected " + header.length + " columns, found " + cells.length);
      }
      Map<String, List<String>> terms = new LinkedHashMap<>();
      for (int c = 1; c < cells.length; c++) {
        List<String> synonyms = new ArrayList<>();
        for (String term : cells[c].split("\\|")) {
          String t = term.strip();
          if (!t.isEmpty()) {
            synonyms.add(langs.get(c - 1).equals("zh") ? ChineseScriptFolder.toSimplified(t) : t);
          }
        }
        terms.put(langs.get(c - 1), List.copyOf(synonyms));
      }
      concepts.add(new Concept(cells[0].strip(), Collections.unmodifiableMap(terms)));
    }
    return new Glossary(List.copyOf(langs), List.copyOf(concepts));
  }

  public List<Concept> concepts() {
    return concepts;
  }

  public List<String> languages() {
    return languages;
  }

  /**
   * The concepts mentioned in a question. Chinese, Japanese and Korean terms match as substrings
   * of the Simplified question; other languages match as analyzed (stemmed) token sequences, so
   * "shipping templates" finds "shipping template". Longer terms win over terms they contain.
   */
  public List<Match> find(String question, List<String> questionTokens, String lang, TermAnalysis analysis) {
    List<Match> matches = new ArrayList<>();
    if (isCharacterLanguage(lang)) {
      String folded = ChineseScriptFolder.toSimplified(question).toLowerCase(Locale.ROOT);
      for (Concept concept : concepts) {
        for (String term : concept.terms(lang)) {
          if (folded.contains(term.toLowerCase(Locale.ROOT))) {
            matches.add(new Match(concept, term, analysis.termTokens(term, lang)));
            break;
          }
        }
      }
    } else {
      for (AnalyzedTerm term : analyzedTerms(lang, analysis)) {
        if (!term.tokens.isEmpty() && Collections.indexOfSubList(questionTokens, term.tokens) >= 0
            && matches.stream().noneMatch(m -> m.concept() == term.concept)) {
          matches.add(new Match(term.concept, term.term, term.tokens));
        }
      }
    }
    return dropContained(matches);
  }

  private List<AnalyzedTerm> analyzedTerms(String lang, TermAnalysis analysis) {
    synchronized (analyzed) {
      return analyzed.computeIfAbsent(lang, l -> {
        List<AnalyzedTerm> list = new ArrayList<>();
        for (Concept concept : concepts) {
          for (String term : concept.terms(l)) {
            list.add(new AnalyzedTerm(concept, term, analysis.tokens(term, l)));
          }
        }
        // longest first, so "economy shipping" is preferred to "shipping"
        list.sort((a, b) -> Integer.compare(b.tokens.size(), a.tokens.size()));
        return list;
      });
    }
  }

  private static List<Match> dropContained(List<Match> matches) {
    List<Match> kept = new ArrayList<>();
    for (Match m : matches) {
      boolean contained = false;
      for (Match other : matches) {
        if (other != m && other.term().length() > m.term().length()
            && other.term().toLowerCase(Locale.ROOT).contains(m.term().toLowerCase(Locale.ROOT))) {
          contained = true;
          break;
        }
      }
      if (!contained) {
        kept.add(m);
      }
    }
    return kept;
  }

  static boolean isCharacterLanguage(String lang) {
    return lang.equals("zh") || lang.equals("ja") || lang.equals("ko");
  }
}
