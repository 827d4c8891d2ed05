package com.tradewind.knowledge.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Repeated chat texts are detected once; the remembered answer is the one Lingua gave. */
class LanguageDetectorCacheTest {

  private static final String[] CHAT = {"hola, ¿dónde está mi pedido?", "where is my order?", "où est ma commande ?",
      "chcę zwrócić towar", "где мой заказ"};

  @Test
  void aRepeatedTextIsAnsweredFromTheCacheWithTheSameLanguages() {
    LanguageDetector cached = new LanguageDetector(true, 100);
    LanguageDetector uncached = new LanguageDetector(true, 0);
    for (int round = 0; round < 3; round++) {
      for (String text : CHAT) {
        assertEquals(uncached.candidates(text), cached.candidates(text), text);
      }
    }
    assertEquals(2.0 / 3, cached.cacheHitRate(), 1e-9, "first round misses, the next two hit");
    assertEquals(0.0, uncached.cacheHitRate());
    assertEquals("es", cached.detect(CHAT[0]).orElseThrow().code());
  }

  @Test
  void scriptDecidedAndLongTextsAreNotCached() {
    LanguageDetector detector = new LanguageDetector(true, 100);
    detector.detect("平台仲裁要多久");
    detector.detect("where is my order? ".repeat(40));
    detector.detect("where is my order? ".repeat(40));
    assertEquals(0.0, detector.cacheHitRate(), "nothing cached, nothing hit");
  }

  @Test
  void theAsynchronousDetectionGivesTheSameAnswerAndFillsTheCache() throws Exception {
    LanguageDetector async = new LanguageDetector(true, 100);
    LanguageDetector sync = new LanguageDetector(true, 0);
    for (String text : CHAT) {
      var stage = async.candidatesAsync(text).toCompletableFuture();
      assertEquals(sync.candidates(text), stage.get(10, java.util.concurrent.TimeUnit.SECONDS), text);
    }
    for (String text : CHAT) {
      // remembered now: answered at once, on the caller's thread, and counted as hits
      org.junit.jupiter.api.Assertions.assertTrue(async.candidatesAsync(text).toCompletableFuture().isDone(), text);
    }
    assertEquals(0.5, async.cacheHitRate(), 1e-9, "one miss while computing, one hit after, per text");
    org.junit.jupiter.api.Assertions.assertTrue(async.candidatesAsync("平台仲裁要多久").toCompletableFuture().isDone(),
        "the script decides Chinese: no task");
  }
}
