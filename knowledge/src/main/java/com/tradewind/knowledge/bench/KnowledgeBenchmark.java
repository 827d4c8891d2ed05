package com.tradewind.knowledge.bench;

import com.tradewind.knowledge.index.ChineseAnalysis;
import com.tradewind.knowledge.index.LanguageAnalyzers;
import com.tradewind.knowledge.index.PassageFields;
import com.tradewind.knowledge.index.PassageIndex;
import com.tradewind.knowledge.lang.LanguageDetector;
import com.tradewind.knowledge.passage.Passage;
import com.tradewind.knowledge.search.Glossary;
import com.tradewind.knowledge.search.KnowledgeSearcher;
import com.tradewind.knowledge.search.SearchOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;

/**
 * Indexes a generated corpus and measures what users feel: indexing rate, search latency at 1
 * and 8 concurrent searchers, heap after load, and time to searchable on restart. A plain
 * single-term Lucene query on the same index runs as the in-process baseline, and the ratio of
 * our full search (language detection, glossary, multi-field BM25) to it is printed.
 */
public final class KnowledgeBenchmark {

  /** CPU time per query, which a busy machine inflates much less than wall time. */
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private final PrintStream out;

  public KnowledgeBenchmark(PrintStream out) {
    this.out = out;
  }

  public void run(Path dataDir, int passages, ChineseAnalysis chinese, Glossary glossary) throws Exception {
    Path indexDir = dataDir.resolve("bench-index");
    PassageIndex.delete(indexDir);
    out.printf("corpus: %,d generated passages (half zh, half en), Chinese analysis %s, %d cores%n", passages, chinese,
        Runtime.getRuntime().availableProcessors());
    List<Passage> corpus = new SyntheticCorpus(42).passages(passages);

    long t0 = System.nanoTime();
    LanguageDetector detector = new LanguageDetector();
    out.printf("language models loaded in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

    LanguageAnalyzers analyzers = new LanguageAnalyzers(chinese);
    PassageIndex index = PassageIndex.open(indexDir, analyzers, KnowledgeSearcher.conceptMarks(glossary, analyzers));
    long start = System.nanoTime();
    int threads = Runtime.getRuntime().availableProcessors();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> parts = new ArrayList<>();
      int slice = (corpus.size() + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        List<Passage> part = corpus.subList(Math.min(corpus.size(), t * slice), Math.min(corpus.size(), (t + 1) * slice));
        parts.add(pool.submit(() -> {
          for (int i = 0; i < part.size(); i += 500) {
            index.add(part.subList(i, Math.min(part.size(), i + 500)));
          }
          return null;
        }));
      }
      for (Future<?> f : parts) {
        f.get();
      }
    }
    index.commit(Map.of("bench", "true"));
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("indexing: %,d passages in %.1f s = %,.0f passages/s (target >= 5,000)%n", passages, seconds, passages / seconds);

    System.gc();
    Runtime rt = Runtime.getRuntime();
    out.printf("heap after load: %,d MB used (of %,d MB max)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);

    KnowledgeSearcher searcher = new KnowledgeSearcher(index, glossary, detector, SearchOptions.defaults());
    SyntheticCorpus queries = new SyntheticCorpus(7);
    List<String> qs = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      qs.add(queries.query(i % 2 == 0));
    }
    latency("warm-up", 1, qs.subList(0, 1000), q -> () -> searcher.search(q, null, 10), false);
    latency("language detection alone", 1, qs, q -> () -> detector.detect(q), true);
    latency("search with the language given", 1, qs, q -> () -> searcher.search(q, q.matches(".*[a-z].*") ? "en" : "zh", 10), true);
    // The same search with at most one query per processor running and the others queued: an
    // option measured against the default, where every query runs at once (see SearchGate).
    KnowledgeSearcher queued = new KnowledgeSearcher(index, glossary, detector, SearchOptions.defaults(), threads);
    for (int concurrency : new int[] {1, 8}) {
      double[] ours = latency("search", concurrency, qs, q -> () -> searcher.search(q, null, 10), true);
      if (concurrency > threads) {
        double[] inQueue = latency("search queued, " + threads + " at a time", concurrency, qs,
            q -> () -> queued.search(q, null, 10), true);
        out.printf("  queue effect at %d searchers: p50 x%.2f, p99 x%.2f%n", concurrency, inQueue[0] / ours[0],
            inQueue[1] / ours[1]);
      }
      double[] base = latency("baseline term query", concurrency, qs,
          q -> () -> index.withSearcher(s -> search(s, q)), true);
      out.printf("  ratio to baseline at %d searchers: p50 x%.1f, p99 x%.1f (target p99 <= 10 ms)%n", concurrency,
          ours[0] / base[0], ours[1] / base[1]);
    }
    index.close();

    long reopen = System.nanoTime();
    LanguageAnalyzers reopened = new LanguageAnalyzers(chinese);
    PassageIndex again = PassageIndex.open(indexDir, reopened, KnowledgeSearcher.conceptMarks(glossary, reopened));
    KnowledgeSearcher second = new KnowledgeSearcher(again, glossary, detector, SearchOptions.defaults());
    int hits = second.search("物流 时效", "zh", 10).size();
    out.printf("restart with an existing index: searchable in %d ms (%d hits; language models loaded separately, see above) (target <= 2,000 ms)%n",
        (System.nanoTime() - reopen) / 1_000_000, hits);
    again.close();
    PassageIndex.delete(indexDir);
  }

  private static Object search(org.apache.lucene.search.IndexSearcher s, String q) {
    try {
      String word = q.split(" ")[0];
      boolean zh = !word.isEmpty() && Character.UnicodeScript.of(word.charAt(0)) == Character.UnicodeScript.HAN;
      return s.search(new TermQuery(new Term(PassageFields.body(zh ? "zh" : "en"), zh ? word : word.toLowerCase())), 10);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs the queries on {@code concurrency} threads; returns p50 and p99 in milliseconds (wall time, waiting included). */
  private double[] latency(String label, int concurrency, List<String> queries,
      java.util.function.Function<String, Supplier<?>> call, boolean print) throws Exception {
    long[] nanos = new long[queries.size()];
    long[] cpuNanos = new long[queries.size()];
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < queries.size(); i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          long cpu = THREADS.getCurrentThreadCpuTime();
          long t = System.nanoTime();
          call.apply(queries.get(n)).get();
          nanos[n] = System.nanoTime() - t;
          cpuNanos[n] = THREADS.getCurrentThreadCpuTime() - cpu;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    double p50 = nanos[nanos.length / 2] / 1e6;
    double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
    if (print) {
      out.printf("%s, %d searchers: p50 %.2f ms, p99 %.2f ms, %,.0f queries/s, CPU per query %.2f ms%n", label, concurrency,
          p50, p99, queries.size() / wall, Arrays.stream(cpuNanos).average().orElse(0) / 1e6);
    }
    return new double[] {p50, p99};
  }
}
