package com.tradewind.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Glossary concepts recognised while a passage's title and body are indexed: where a concept's
 * term occurs as a phrase (the same analysed tokens at the same relative positions a phrase query
 * would ask for), a mark token {@link PassageFields#conceptTerm} is stacked on the term's last
 * token. A question's concept then costs one term query per language and field instead of a
 * phrase query per synonym, language and field. Recognition runs inside the analysis the index
 * does anyway, as one walk over each language's term trie, so it adds no second pass over the
 * text.
 */
public final class ConceptMarks {

  /** A node of a language's trie: the terms continuing with each token, the marks of the terms ending here. */
  static final class Node {
    final org.apache.lucene.analysis.CharArrayMap<List<Edge>> next =
        new org.apache.lucene.analysis.CharArrayMap<>(4, false);
    final List<String> ends = new ArrayList<>(1);
    int maxDelta;
  }

  /** An edge to the next token of a term, {@code delta} positions after the previous one (stop words leave gaps). */
  record Edge(int delta, Node node) {}

  /** A language's trie and its concepts' synonyms as tokens, built when first needed. */
  private record Language(Node root, Map<String, List<List<String>>> terms) {}

  private static final ConceptMarks NONE = new ConceptMarks(null, Map.of(), "none");

  private final LanguageAnalyzers analyzers;
  /** Language → concept id → the synonyms that mark it, as written in the glossary. */
  private final Map<String, Map<String, List<String>>> synonyms;
  private final Map<String, Language> languages = new java.util.concurrent.ConcurrentHashMap<>();
  private final String fingerprint;

  private ConceptMarks(LanguageAnalyzers analyzers, Map<String, Map<String, List<String>>> synonyms, String fingerprint) {
    this.analyzers = analyzers;
    this.synonyms = synonyms;
    this.fingerprint = fingerprint;
  }

  /** No concepts: the index holds only words. */
  public static ConceptMarks none() {
    return NONE;
  }

  /**
   * Concept marks for a glossary. Each language's terms are analysed when a passage or a
   * question of that language first needs them (analysing all of them took 0.4 s on a busy
   * machine, on the way to a searchable index).
   *
   * @param termsByConcept concept id → language code → terms; each term is cut by the query
   *     analyzer of its language, as a phrase query would be
   * @param maxTermsPerLanguage synonyms of a concept recognised per language (the first ones)
   */
  public static ConceptMarks of(LanguageAnalyzers analyzers, Map<String, Map<String, List<String>>> termsByConcept,
      int maxTermsPerLanguage) {
    Map<String, Map<String, List<String>>> synonyms = new HashMap<>();
    StringBuilder signature = new StringBuilder("max=").append(maxTermsPerLanguage).append(';');
    for (var concept : new TreeMap<>(termsByConcept).entrySet()) {
      signature.append(concept.getKey()).append('\u0001');
      for (var byLanguage : new TreeMap<>(concept.getValue()).entrySet()) {
        String lang = byLanguage.getKey();
        List<String> all = byLanguage.getValue();
        // not a stream: this runs for every concept and language while the index opens
        List<String> terms = List.copyOf(all.size() > maxTermsPerLanguage ? all.subList(0, maxTermsPerLanguage) : all);
        if (!LanguageAnalyzers.LANGUAGES.contains(lang) || terms.isEmpty()) {
          continue; // "xx" passages have no glossary column of their own
        }
        signature.append(lang).append('=').append(String.join("|", terms)).append(';');
        synonyms.computeIfAbsent(lang, l -> new HashMap<>()).put(concept.getKey(), terms);
      }
      signature.append('\n');
    }
    return new ConceptMarks(analyzers, Map.copyOf(synonyms), sha256(signature.toString()));
  }

  private Language language(String lang) {
    Map<String, List<String>> byConcept = synonyms.get(lang);
    if (byConcept == null) {
      return null;
    }
    return languages.computeIfAbsent(lang, l -> {
      Node root = new Node();
      Map<String, List<List<String>>> tokenized = new HashMap<>();
      Analyzer analyzer = analyzers.forQuery(l);
      for (var concept : byConcept.entrySet()) {
        List<List<String>> recognised = new ArrayList<>();
        for (String term : concept.getValue()) {
          recognised.add(List.copyOf(add(root, analyzer, l, term, PassageFields.conceptTerm(concept.getKey(), recognised.size()))));
        }
        tokenized.put(concept.getKey(), List.copyOf(recognised));
      }
      return new Language(root, Map.copyOf(tokenized));
    });
  }

  /** Adds a term to a trie; returns its tokens (none when the analyzer keeps none). */
  private static List<String> add(Node root, Analyzer analyzer, String lang, String term, String mark) {
    Node node = root;
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(PassageFields.body(lang), term)) {
      CharTermAttribute text = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      boolean first = true;
      while (stream.incrementToken()) {
        int delta = first ? 0 : increment.getPositionIncrement();
        if (!first && delta == 0) {
          continue; // a stacked alternative (not produced by these analyzers): the first reading is enough
        }
        first = false;
        tokens.add(text.toString());
        List<Edge> edges = node.next.get(text.buffer(), 0, text.length());
        if (edges == null) {
          edges = new ArrayList<>(1);
          node.next.put(text.toString(), edges);
        }
        Node target = null;
        for (Edge edge : edges) {
          if (edge.delta() == delta) {
            target = edge.node();
          }
        }
        if (target == null) {
          target = new Node();
          edges.add(new Edge(delta, target));
          node.maxDelta = Math.max(node.maxDelta, delta);
        }
        node = target;
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of a glossary term failed", e);
    }
    if (node != root && !node.ends.contains(mark)) {
      node.ends.add(mark);
    }
    return tokens;
  }

  /**
   * The synonyms of a concept recognised in a language, in glossary order (the i-th marked by
   * {@code PassageFields.conceptTerm(id, i)}), each as its tokens (none when the analyzer keeps
   * nothing of it). A search weighs a mark by its synonym's IDFs, as the phrase query it replaces.
   */
  public List<List<String>> terms(String lang, String conceptId) {
    if (!synonyms.getOrDefault(lang, Map.of()).containsKey(conceptId)) {
      return List.of();
    }
    return language(lang).terms().getOrDefault(conceptId, List.of());
  }

  /** Changes whenever the recognised terms do: part of the index signature, so that a new glossary rebuilds the index. */
  public String fingerprint() {
    return fingerprint;
  }

  /** Whether passages of any language get marks. */
  public boolean isEmpty() {
    return synonyms.isEmpty();
  }

  /**
   * The index analyzer with marks added to title and body fields ({@code title_zh}, {@code body_en});
   * sections and stored fields are analysed as before.
   */
  public Analyzer wrap(Analyzer perField) {
    if (synonyms.isEmpty()) {
      return perField;
    }
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return perField;
      }

      @Override
      protected TokenStreamComponents wrapComponents(String fieldName, TokenStreamComponents components) {
        Node root = rootFor(fieldName);
        return root == null ? components
            : new TokenStreamComponents(components.getSource(), new ConceptMarkFilter(components.getTokenStream(), root));
      }
    };
  }

  private Node rootFor(String fieldName) {
    int underscore = fieldName.lastIndexOf('_');
    if (underscore < 0) {
      return null;
    }
    String lang = fieldName.substring(underscore + 1);
    if (!fieldName.equals(PassageFields.body(lang)) && !fieldName.equals(PassageFields.title(lang))) {
      return null;
    }
    Language language = language(lang);
    return language == null ? null : language.root();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
