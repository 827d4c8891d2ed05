package com.tradewind.bot.delivery.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tradewind.bot.cluster.RedisConversationStore;
import com.tradewind.bot.cluster.RedisInbox;
import com.tradewind.bot.config.ConfigException;
import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.InMemoryConversationStore;
import com.tradewind.bot.delivery.InMemoryInbox;
import com.tradewind.bot.delivery.journal.JournalInbox;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class DeliveryTest {

  @TempDir
  Path data;

  private static TradewindConfig config(Map<String, String> env) {
    return TradewindConfig.load(env);
  }

  private static Delivery start(Vertx vertx, TradewindConfig config, Path dataDir) throws Exception {
    return Delivery.start(vertx, config.delivery(), config.conversation(), dataDir);
  }

  @Test
  void theJournalIsTheDefault(Vertx vertx) throws Exception {
    Delivery delivery = start(vertx, config(Map.of()), data);
    assertTrue(delivery.inbox() instanceof JournalInbox);
    assertTrue(delivery.conversations() instanceof InMemoryConversationStore);
    assertTrue(delivery.ready().getAsBoolean());
    assertTrue(Files.exists(data.resolve("inbox").resolve("inbox.journal")));
    delivery.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void memoryWhenAskedFor(Vertx vertx) throws Exception {
    Delivery delivery = start(vertx, config(Map.of("TRADEWIND_INBOX", "memory")), data);
    assertTrue(delivery.inbox() instanceof InMemoryInbox);
    assertTrue(Files.notExists(data.resolve("inbox")));
    delivery.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void redisWhenItsUrlIsSet(Vertx vertx) throws Exception {
    assumeTrue(redisAnswers() || "true".equals(System.getenv("CI")),
        "no Redis at 127.0.0.1:6379: start one (redis-server) to run the cluster tests");
    String prefix = "tw-test:" + UUID.randomUUID() + ":";
    Delivery delivery = start(vertx, config(Map.of("TRADEWIND_REDIS_URL", "redis://127.0.0.1:6379",
        "TRADEWIND_REDIS_KEY_PREFIX", prefix)), data);
    try {
      assertTrue(delivery.inbox() instanceof RedisInbox);
      assertTrue(delivery.conversations() instanceof RedisConversationStore);
      assertTrue(delivery.rateLimiter().isPresent());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (!delivery.ready().getAsBoolean() && System.nanoTime() < deadline) {
        Thread.sleep(20); // the first PING can be slow on a loaded machine
      }
      assertTrue(delivery.ready().getAsBoolean());
    } finally {
      delivery.close().await(10, TimeUnit.SECONDS);
      cleanUp(vertx, prefix); // even when an assertion failed: the Redis is shared
    }
  }

  private static boolean redisAnswers() {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", 6379), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void cleanUp(Vertx vertx, String prefix) throws Exception {
    var link = com.tradewind.bot.cluster.RedisLink.open(vertx, "redis://127.0.0.1:6379").await(10, TimeUnit.SECONDS);
    var keys = link.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.KEYS).arg(prefix + "*"))
        .await(10, TimeUnit.SECONDS);
    for (var key : keys) {
      link.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.DEL).arg(key.toString()))
          .await(10, TimeUnit.SECONDS);
    }
    link.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void badValuesNameTheirVariable() {
    ConfigException kind = assertThrows(ConfigException.class, () -> config(Map.of("TRADEWIND_INBOX", "disk")));
    assertTrue(kind.getMessage().contains("TRADEWIND_INBOX"), kind.getMessage());
    ConfigException url = assertThrows(ConfigException.class,
        () -> config(Map.of("TRADEWIND_REDIS_URL", "127.0.0.1:6379")));
    assertTrue(url.getMessage().contains("TRADEWIND_REDIS_URL"), url.getMessage());
    ConfigException hours = assertThrows(ConfigException.class,
        () -> config(Map.of("TRADEWIND_DELIVERY_DEDUPE_HOURS", "0")));
    assertTrue(hours.getMessage().contains("TRADEWIND_DELIVERY_DEDUPE_HOURS"), hours.getMessage());
  }

  @Test
  void aReadOnlyDataDirStopsStartUpWithAClearMessage(Vertx vertx) throws Exception {
    Path readOnly = data.resolve("readonly");
    Files.createDirectories(readOnly);
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (canCreateIn(readOnly)) {
      // root ignores permission bits; sysfs refuses new folders even to root
      readOnly = Path.of("/sys");
      assumeTrue(!canCreateIn(readOnly), "no folder this user cannot write to");
    }
    Path dir = readOnly.resolve("tradewind-data");
    IOException e = assertThrows(IOException.class, () -> start(vertx, config(Map.of()), dir));
    assertTrue(e.getMessage().startsWith("the inbox journal cannot be used: "), e.getMessage());
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("TRADEWIND_DATA_DIR"), e.getMessage());
  }

  private static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createDirectory(dir.resolve("probe-" + UUID.randomUUID())));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aDataDirThatIsAFileStopsStartUpWithAClearMessage(Vertx vertx) throws Exception {
    Path file = Files.writeString(data.resolve("not-a-folder"), "x");
    IOException e = assertThrows(IOException.class, () -> start(vertx, config(Map.of()), file));
    assertTrue(e.getMessage().contains("TRADEWIND_DATA_DIR"), e.getMessage());
  }

  @Test
  void aSecondProcessOnTheSameDataDirIsRefused(Vertx vertx) throws Exception {
    Delivery first = start(vertx, config(Map.of()), data);
    IOException e = assertThrows(IOException.class, () -> start(vertx, config(Map.of()), data));
    assertTrue(e.getMessage().contains("another Tradewind process"), e.getMessage());
    first.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void tooLittleFreeSpaceStopsStartUp() {
    var options = com.tradewind.bot.delivery.journal.JournalOptions.defaults(data.resolve("inbox"));
    var full = new com.tradewind.bot.delivery.journal.JournalOptions(options.dir(), options.dedupeFor(),
        options.slackDedupeFor(), options.retry(), options.compactBytes(), Long.MAX_VALUE / 2, options.memoryKeys(),
        options.maxKeyFiles());
    Vertx vertx = Vertx.vertx();
    try {
      Throwable failure = JournalInbox.open(vertx, full, java.time.Clock.systemUTC())
          .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause())).await(10, TimeUnit.SECONDS);
      assertTrue(failure.getMessage().contains("MB free on the disk"), String.valueOf(failure));
      assertEquals(com.tradewind.bot.delivery.journal.JournalUnavailableException.Reason.DISK_FULL,
          ((com.tradewind.bot.delivery.journal.JournalUnavailableException) failure).reason());
    } catch (Exception e) {
      throw new AssertionError(e);
    } finally {
      vertx.close();
    }
  }
}
