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
  private final Map<String, Map<String, List<AnalyzedTerm>>> analyzed = new HashMap<>();
  private final Map<String, Concept> conceptsById = new HashMap<>();

  /**
   * @param written the term as {@link #plain} writes it when analysis drops some of its words
   *     (stop words: "no se pueden devolver" is analysed as "pueden devolver", "bis wann" as
   *     "wann"), else null; such a term matches only a question that holds it as written
   */
  private record AnalyzedTerm(Concept concept, String term, List<String> tokens, String written) {}

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
  private static final java.util.regex.Pattern NON_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Lower case without accents, words separated by single spaces and padded with one: " cuantos dias tengo ". */
  static String plain(String text) {
    String bare = MARKS.matcher(java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD))
        .replaceAll("");
    return " " + NON_WORD.matcher(bare).replaceAll(" ").strip() + " ";
  }

  private Glossary(List<String> languages, List<Concept> concepts) {
    this.languages = languages;
    this.concepts = concepts;
    concepts.forEach(c -> conceptsById.put(c.id(), c));
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
    java.util.Set<Concept> seen = new java.util.HashSet<>();
    if (isCharacterLanguage(lang)) {
      // terms indexed by their first character: each position of the question is checked
      // against the few terms that can start there, not against the whole glossary
      String folded = ChineseScriptFolder.toSimplified(question).toLowerCase(Locale.ROOT);
      Map<Character, List<String[]>> byFirst = characterTerms(lang);
      for (int i = 0; i < folded.length(); i++) {
        for (String[] entry : byFirst.getOrDefault(folded.charAt(i), List.of())) {
          Concept concept = conceptsById.get(entry[1]);
          if (folded.startsWith(entry[0], i) && seen.add(concept)) {
            matches.add(new Match(concept, entry[0], analysis.termTokens(entry[0], lang)));
          }
        }
      }
    } else {
      Map<String, List<AnalyzedTerm>> byFirst = analyzedTerms(lang, analysis);
      String written = null;
      for (int i = 0; i < questionTokens.size(); i++) {
        for (AnalyzedTerm term : byFirst.getOrDefault(questionTokens.get(i), List.of())) {
          int end = i + term.tokens.size();
          if (end > questionTokens.size() || !questionTokens.subList(i, end).equals(term.tokens)) {
            continue;
          }
          if (term.written != null && !(written == null ? (written = plain(question)) : written).contains(term.written)) {
            continue;
          }
          if (seen.add(term.concept)) {
            matches.add(new Match(term.concept, term.term, term.tokens));
          }
        }
      }
    }
    return dropContained(matches);
  }

  private final Map<String, Map<Character, List<String[]>>> characterTerms = new java.util.concurrent.ConcurrentHashMap<>();

  /** Lower-cased terms of a character language by first character, longest first; entries are {term, concept id}. */
  private Map<Character, List<String[]>> characterTerms(String lang) {
    return characterTerms.computeIfAbsent(lang, l -> {
      Map<Character, List<String[]>> index = new HashMap<>();
      for (Concept concept : concepts) {
        for (String term : concept.terms(l)) {
          String t = term.toLowerCase(Locale.ROOT);
          if (!t.isEmpty()) {
            index.computeIfAbsent(t.charAt(0), c -> new ArrayList<>()).add(new String[] {t, concept.id()});
          }
        }
      }
      index.values().forEach(list -> list.sort((a, b) -> Integer.compare(b[0].length(), a[0].length())));
      return index;
    });
  }

  private Map<String, List<AnalyzedTerm>> analyzedTerms(String lang, TermAnalysis analysis) {
    synchronized (analyzed) {
      return analyzed.computeIfAbsent(lang, l -> {
        Map<String, List<AnalyzedTerm>> index = new HashMap<>();
        for (Concept concept : concepts) {
          for (String term : concept.terms(l)) {
            List<String> tokens = analysis.tokens(term, l);
            if (!tokens.isEmpty()) {
              index.computeIfAbsent(tokens.get(0), k -> new ArrayList<>())
                  .add(new AnalyzedTerm(concept, term, tokens, losesWords(term, l, analysis) ? plain(term) : null));
            }
          }
        }
        // longest first, so "economy shipping" is preferred to "shipping"
        index.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.tokens.size(), a.tokens.size())));
        return index;
      });
    }
  }

  /** Whether analysis drops a word of the term entirely (a stop word). */
  private static boolean losesWords(String term, String lang, TermAnalysis analysis) {
    // words as written, accents kept: the stop lists hold "für", not "fur"
    for (String word : NON_WORD.matcher(term.toLowerCase(Locale.ROOT)).replaceAll(" ").strip().split(" ")) {
      if (!word.isEmpty() && analysis.tokens(word, lang).isEmpty()) {
        return true;
      }
    }
    return false;
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

  /** Whether a term negates ("cannot be returned"), so that it may only cover a text that negates. */
  static boolean negates(String term, String lang) {
    // asked for every term of a concept each time a passage is judged: remembered
    return !isCharacterLanguage(lang) && NEGATING.computeIfAbsent(lang + '\u0000' + term, k -> Negations.negates(term, lang));
  }

  private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> NEGATING = new java.util.concurrent.ConcurrentHashMap<>();

  static boolean isCharacterLanguage(String lang) {
    return lang.equals("zh") || lang.equals("ja") || lang.equals("ko");
  }
}
