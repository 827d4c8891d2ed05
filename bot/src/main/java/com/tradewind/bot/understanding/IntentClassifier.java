package com.tradewind.bot.understanding;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Intents learned from the example phrases in {@code config/intents/<lang>.yaml}, editable
 * without code: a message is compared (TF-IDF cosine over {@link TextFeatures}) with every
 * example, and the nearest examples vote. Examples in the message's language count a little
 * more. Too little similarity to anything is {@code unknown}.
 */
public final class IntentClassifier {

  private static final int NEIGHBOURS = 5;
  private static final double MIN_SIMILARITY = 0.22;

  private record Example(String intent, String lang, Map<String, Float> vector) {}

  private final List<Example> examples = new ArrayList<>();
  private final Map<String, Float> idf = new HashMap<>();
  /** feature → (example index, weight): a message touches only the examples it shares a feature with. */
  private final Map<String, List<float[]>> postings = new HashMap<>();

  private IntentClassifier() {}

  public static IntentClassifier load(Path dir) throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<String[]> raw = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        String lang = file.getFileName().toString().replace(".yaml", "");
        Map<String, List<String>> byIntent;
        try {
          byIntent = yaml.readValue(file.toFile(), new TypeReference<Map<String, List<String>>>() {});
        } catch (IOException e) {
          throw new IOException(file + ": expected 'intent: [examples…]': " + e.getMessage(), e);
        }
        byIntent.forEach((intent, phrases) -> phrases.forEach(p -> raw.add(new String[] {intent, lang, p})));
      }
    }
    if (raw.isEmpty()) {
      throw new IOException(dir + " holds no intent examples");
    }
    return build(raw);
  }

  static IntentClassifier build(List<String[]> raw) {
    IntentClassifier c = new IntentClassifier();
    Map<String, Integer> df = new HashMap<>();
    List<Map<String, Float>> vectors = new ArrayList<>();
    for (String[] r : raw) {
      Map<String, Float> v = TextFeatures.of(r[2]);
      vectors.add(v);
      v.keySet().forEach(k -> df.merge(k, 1, Integer::sum));
    }
    int n = raw.size();
    df.forEach((k, d) -> c.idf.put(k, (float) Math.log(1.0 + (double) n / d)));
    for (int i = 0; i < raw.size(); i++) {
      Example e = new Example(raw.get(i)[0], raw.get(i)[1], c.weigh(vectors.get(i)));
      c.examples.add(e);
      int index = i;
      e.vector().forEach((f, w) -> c.postings.computeIfAbsent(f, k -> new ArrayList<>()).add(new float[] {index, w}));
    }
    return c;
  }

  private Map<String, Float> weigh(Map<String, Float> tf) {
    Map<String, Float> v = new HashMap<>(tf.size());
    double norm = 0;
    for (var e : tf.entrySet()) {
      float w = e.getValue() * idf.getOrDefault(e.getKey(), 0f);
      if (w > 0) {
        v.put(e.getKey(), w);
        norm += w * w;
      }
    }
    float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    v.replaceAll((k, w) -> w * inv);
    return v;
  }

  /** The intent of {@code text}, written in {@code lang} (may be null when unknown). */
  public IntentResult classify(String text, String lang) {
    Map<String, Float> q = weigh(TextFeatures.of(text));
    if (q.isEmpty()) {
      return new IntentResult(IntentResult.UNKNOWN, 0);
    }
    record Scored(String intent, double sim) {}
    double[] sims = new double[examples.size()];
    for (var f : q.entrySet()) {
      for (float[] posting : postings.getOrDefault(f.getKey(), List.of())) {
        sims[(int) posting[0]] += posting[1] * f.getValue();
      }
    }
    // the nearest examples only: a bounded heap, not a sort of every example that shares a trigram
    java.util.PriorityQueue<Scored> nearest = new java.util.PriorityQueue<>(NEIGHBOURS + 1,
        java.util.Comparator.comparingDouble(Scored::sim));
    for (int i = 0; i < sims.length; i++) {
      if (sims[i] > 0) {
        Example e = examples.get(i);
        double sim = e.lang.equals(lang) ? sims[i] : sims[i] * 0.9;
        if (nearest.size() < NEIGHBOURS || sim > nearest.peek().sim()) {
          nearest.add(new Scored(e.intent, sim));
          if (nearest.size() > NEIGHBOURS) {
            nearest.poll();
          }
        }
      }
    }
    if (nearest.isEmpty()) {
      return new IntentResult(IntentResult.UNKNOWN, 0);
    }
    List<Scored> scored = new ArrayList<>(nearest);
    scored.sort((a, b) -> Double.compare(b.sim, a.sim));
    double top = scored.get(0).sim;
    if (top < MIN_SIMILARITY) {
      return new IntentResult(IntentResult.UNKNOWN, 1 - top);
    }
    Map<String, Double> votes = new HashMap<>();
    double total = 0;
    for (Scored s : scored) {
      votes.merge(s.intent, s.sim, Double::sum);
      total += s.sim;
    }
    var best = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    double share = best.getValue() / total;
    double confidence = Math.min(1.0, 0.5 * share + 0.5 * Math.min(1.0, top / 0.6));
    return new IntentResult(best.getKey(), Math.round(confidence * 1000) / 1000.0);
  }
}
