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

  /**
   * The examples sharing one feature, as parallel arrays: a message touches only the examples it
   * shares a feature with, and primitive arrays keep that walk cheap (every message walks
   * thousands of entries for common trigrams).
   */
  private record Posting(float idf, int[] examples, float[] weights) {}

  private record Scored(String intent, double sim) {}

  /**
   * A min-heap of the most similar examples, on primitive arrays: the same steps as a
   * {@link java.util.PriorityQueue} ordered by similarity (so ties keep the same examples and the
   * same order), without an object and comparator call per candidate.
   */
  private static final class Nearest {
    final double[] sims = new double[NEIGHBOURS + 1];
    final int[] examples = new int[NEIGHBOURS + 1];
    int size;

    void add(double sim, int example) {
      int k = size++;
      while (k > 0) {
        int parent = (k - 1) >>> 1;
        if (Double.compare(sim, sims[parent]) >= 0) {
          break;
        }
        sims[k] = sims[parent];
        examples[k] = examples[parent];
        k = parent;
      }
      sims[k] = sim;
      examples[k] = example;
    }

    void poll() {
      int n = --size;
      double sim = sims[n];
      int example = examples[n];
      int k = 0;
      int half = n >>> 1;
      while (k < half) {
        int child = 2 * k + 1;
        int right = child + 1;
        if (right < n && Double.compare(sims[child], sims[right]) > 0) {
          child = right;
        }
        if (Double.compare(sim, sims[child]) <= 0) {
          break;
        }
        sims[k] = sims[child];
        examples[k] = examples[child];
        k = child;
      }
      if (n > 0) {
        sims[k] = sim;
        examples[k] = example;
      }
    }
  }

  /** Per-thread similarity to every example; all zero between calls. */
  private static final ThreadLocal<double[]> SIMS = ThreadLocal.withInitial(() -> new double[0]);

  private String[] intentOf;
  /** Index of each example's language in {@link #languages}. */
  private int[] languageOf;
  private final List<String> languages = new ArrayList<>();
  private final Map<String, Posting> postings = new HashMap<>();

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
    Map<String, Float> idf = new HashMap<>();
    df.forEach((k, d) -> idf.put(k, (float) Math.log(1.0 + (double) n / d)));
    c.intentOf = new String[n];
    c.languageOf = new int[n];
    Map<String, List<float[]>> lists = new HashMap<>();
    for (int i = 0; i < n; i++) {
      c.intentOf[i] = raw.get(i)[0];
      String lang = raw.get(i)[1];
      if (!c.languages.contains(lang)) {
        c.languages.add(lang);
      }
      c.languageOf[i] = c.languages.indexOf(lang);
      int index = i;
      weigh(vectors.get(i), f -> idf.getOrDefault(f, 0f)).forEach((f, w) -> lists.computeIfAbsent(f, k -> new ArrayList<>()).add(new float[] {index, w}));
    }
    lists.forEach((feature, list) -> {
      int[] examples = new int[list.size()];
      float[] weights = new float[list.size()];
      for (int i = 0; i < list.size(); i++) {
        examples[i] = (int) list.get(i)[0];
        weights[i] = list.get(i)[1];
      }
      c.postings.put(feature, new Posting(idf.get(feature), examples, weights));
    });
    return c;
  }

  /** Term frequencies times inverse document frequencies, normalised to unit length. */
  private static Map<String, Float> weigh(Map<String, Float> tf, java.util.function.ToDoubleFunction<String> idf) {
    Map<String, Float> v = new HashMap<>(tf.size());
    double norm = 0;
    for (var e : tf.entrySet()) {
      float w = e.getValue() * (float) idf.applyAsDouble(e.getKey());
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
    // one look-up per feature: its idf and its examples sit together; unseen features weigh 0.
    // The query's weights as in weigh(), kept in arrays beside their postings: no second map.
    Map<String, Float> tf = TextFeatures.of(text);
    Posting[] matched = new Posting[tf.size()];
    float[] weight = new float[tf.size()];
    int count = 0;
    double norm = 0;
    for (var e : tf.entrySet()) {
      Posting posting = postings.get(e.getKey());
      if (posting != null) {
        float w = e.getValue() * posting.idf();
        if (w > 0) {
          matched[count] = posting;
          weight[count++] = w;
          norm += w * w;
        }
      }
    }
    if (count == 0) {
      return new IntentResult(IntentResult.UNKNOWN, 0);
    }
    float inv = (float) (1 / Math.sqrt(norm));
    // one array per thread, zeroed again as it is read below: a message allocates no
    // example-sized array (an event loop classifies thousands of messages a second)
    double[] sims = SIMS.get();
    if (sims.length != intentOf.length) {
      sims = new double[intentOf.length];
      SIMS.set(sims);
    }
    for (int f = 0; f < count; f++) {
      Posting posting = matched[f];
      float w = weight[f] * inv;
      int[] ids = posting.examples();
      float[] weights = posting.weights();
      for (int i = 0; i < ids.length; i++) {
        sims[ids[i]] += weights[i] * w;
      }
    }
    int language = lang == null ? -1 : languages.indexOf(lang);
    // the nearest examples only: a bounded heap, not a sort of every example that shares a trigram
    Nearest nearest = new Nearest();
    for (int i = 0; i < sims.length; i++) {
      double similarity = sims[i];
      sims[i] = 0;
      if (similarity > 0) {
        double sim = languageOf[i] == language ? similarity : similarity * 0.9;
        if (nearest.size < NEIGHBOURS || sim > nearest.sims[0]) {
          nearest.add(sim, i);
          if (nearest.size > NEIGHBOURS) {
            nearest.poll();
          }
        }
      }
    }
    if (nearest.size == 0) {
      return new IntentResult(IntentResult.UNKNOWN, 0);
    }
    List<Scored> scored = new ArrayList<>(nearest.size);
    for (int k = 0; k < nearest.size; k++) {
      scored.add(new Scored(intentOf[nearest.examples[k]], nearest.sims[k]));
    }
    scored.sort((x, y) -> Double.compare(y.sim, x.sim));
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
