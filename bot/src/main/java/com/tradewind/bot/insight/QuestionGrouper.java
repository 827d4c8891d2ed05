package com.tradewind.bot.insight;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Groups failed questions by what the knowledge base finds for them rather than by their words:
 * the search already maps wordings and languages onto the same documents (per-language analysis
 * plus the glossary's cross-language expansion), so two questions whose top documents agree
 * (same best document, and most of the top ones shared) ask about the same thing. Questions for which nothing at all was found fall back to their
 * normalized text. Greedy and order-independent enough for a dashboard: questions are taken most
 * frequent first and each joins the group it overlaps most.
 */
public final class QuestionGrouper {

  /** Passages of a question's ranking that are compared. */
  static final int TOP = 3;
  /** Shared passages among the top ones needed to join a group (or the same best passage). */
  static final int MIN_SHARED = 2;

  private QuestionGrouper() {}

  public static List<GapGroup> group(List<GapQuestion> questions) {
    return clusters(questions).stream().map(QuestionGrouper::build)
        .sorted(Comparator.comparingInt(GapGroup::count).reversed().thenComparing(GapGroup::lastSeen,
            Comparator.reverseOrder()))
        .toList();
  }

  /** The questions of each group, unsorted. */
  static List<List<GapQuestion>> clusters(List<GapQuestion> questions) {
    // identical wordings first collapse, most frequent first, so a group's signature is its commonest question's
    Map<String, List<GapQuestion>> byText = new LinkedHashMap<>();
    for (GapQuestion q : questions) {
      byText.computeIfAbsent(normalize(q.text()), k -> new ArrayList<>()).add(q);
    }
    List<List<GapQuestion>> wordings = new ArrayList<>(byText.values());
    wordings.sort(Comparator.comparingInt((List<GapQuestion> l) -> l.size()).reversed());
    List<Builder> groups = new ArrayList<>();
    for (List<GapQuestion> same : wordings) {
      List<String> top = topIds(same.getFirst());
      Builder best = null;
      int bestScore = 0;
      for (Builder g : groups) {
        int score = overlap(top, g.signature);
        if (score > bestScore) {
          best = g;
          bestScore = score;
        }
      }
      if (best == null || top.isEmpty()) {
        best = new Builder(top);
        groups.add(best);
      }
      best.addAll(same);
    }
    return groups.stream().map(g -> g.members).toList();
  }

  private static GapGroup build(List<GapQuestion> members) {
    Builder b = new Builder(List.of());
    b.addAll(members);
    return b.build();
  }

  /** How strongly two top lists agree: 0 when they are not the same question. */
  static int overlap(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int shared = 0;
    for (String id : a) {
      if (b.contains(id)) {
        shared++;
      }
    }
    boolean sameBest = a.getFirst().equals(b.getFirst());
    if (shared >= Math.min(MIN_SHARED, Math.min(a.size(), b.size())) || sameBest) {
      return shared + (sameBest ? 1 : 0);
    }
    return 0;
  }

  private static List<String> topIds(GapQuestion q) {
    return q.passages().stream().limit(TOP).map(QuestionGrouper::topic).distinct().toList();
  }

  /**
   * A passage's document with its language folder taken out: {@code buyer/es/tracking.md} and
   * {@code buyer/de/tracking.md} are one topic. Translations kept side by side under language
   * folders is how the knowledge folder is organised, and it is what lets a Spanish and a German
   * question about the same thing meet, as their best passages are in their own languages.
   */
  static String topic(PassageRef p) {
    if (p.path() == null) {
      return p.id();
    }
    StringBuilder key = new StringBuilder();
    for (String segment : p.path().split("/")) {
      if (!LANGUAGE_FOLDER.matcher(segment).matches()) {
        key.append('/').append(segment);
      }
    }
    return key.toString();
  }

  private static final java.util.regex.Pattern LANGUAGE_FOLDER =
      java.util.regex.Pattern.compile("[a-z]{2}(?:[-_][A-Za-z]{2,4})?");

  private static final java.util.regex.Pattern PUNCTUATION = java.util.regex.Pattern.compile("[\\p{P}\\p{S}\\s]+");

  static String normalize(String text) {
    String t = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return PUNCTUATION.matcher(t).replaceAll(" ").strip();
  }

  private static final class Builder {
    final List<String> signature;
    final List<GapQuestion> members = new ArrayList<>();

    Builder(List<String> signature) {
      this.signature = signature;
    }

    void addAll(List<GapQuestion> qs) {
      members.addAll(qs);
    }

    GapGroup build() {
      Map<String, Integer> wordings = new LinkedHashMap<>();
      Map<String, String> original = new HashMap<>();
      Map<String, Integer> passageCounts = new LinkedHashMap<>();
      Map<String, PassageRef> passages = new HashMap<>();
      Set<String> languages = new TreeSet<>();
      int unanswered = 0;
      java.time.Instant last = java.time.Instant.EPOCH;
      for (GapQuestion q : members) {
        String key = normalize(q.text());
        wordings.merge(key, 1, Integer::sum);
        original.putIfAbsent(key, q.text());
        if (q.language() != null) {
          languages.add(q.language());
        }
        if (q.reason() == GapQuestion.Reason.UNANSWERED) {
          unanswered++;
        }
        if (q.at().isAfter(last)) {
          last = q.at();
        }
        for (PassageRef p : q.passages().subList(0, Math.min(TOP, q.passages().size()))) {
          passageCounts.merge(p.id(), 1, Integer::sum);
          passages.putIfAbsent(p.id(), p);
        }
      }
      List<String> examples = wordings.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
          .map(e -> original.get(e.getKey())).toList();
      List<PassageRef> shown = passageCounts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(TOP)
          .map(e -> passages.get(e.getKey())).toList();
      return new GapGroup(examples.getFirst(), members.size(), unanswered, members.size() - unanswered,
          new LinkedHashSet<>(languages), examples, shown, last);
    }
  }
}
