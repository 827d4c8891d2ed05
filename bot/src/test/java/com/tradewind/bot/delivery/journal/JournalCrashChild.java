package com.tradewind.bot.delivery.journal;

import com.tradewind.bot.delivery.InboundMessage;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The process {@link JournalCrashTest} kills: offers messages as webhooks would, printing
 * {@code ACK id} once each offer succeeded (the platform's acknowledgement), and "replies" by
 * appending {@code id} to a file standing in for the chat platform, with an fsync, before the
 * processor's future succeeds.
 */
public final class JournalCrashChild {

  private JournalCrashChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    Path replies = Path.of(args[1]);
    int from = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Vertx vertx = Vertx.vertx();
    // A small threshold: segments are sealed and compacted every few hundred records, so kills
    // land in the middle of compactions too.
    long compactBytes = args.length > 4 ? Long.parseLong(args[4]) : JournalOptions.defaults(dir).compactBytes();
    JournalInbox inbox = JournalInbox.open(vertx, JournalOptions.defaults(dir).withCompactBytes(compactBytes),
        Clock.systemUTC()).await(30, TimeUnit.SECONDS);
    FileChannel platform = FileChannel.open(replies, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    inbox.process("crash", m -> vertx.executeBlocking(() -> {
      synchronized (platform) {
        platform.write(ByteBuffer.wrap((m.id() + "\n").getBytes(StandardCharsets.UTF_8)));
        platform.force(false);
      }
      return null;
    }, false).mapEmpty());
    for (int i = from; i < from + count; i++) {
      String id = "m" + i;
      InboundMessage message = new InboundMessage(id, "crash", List.of("k:" + id), "c" + (i % 20),
          new JsonObject().put("text", "hello"), Instant.now());
      // offers in flight together, as concurrent webhook requests would be
      inbox.offer(message).onSuccess(isNew -> out.println("ACK " + id));
      if (i % 8 == 7) {
        Thread.sleep(1);
      }
    }
    Thread.sleep(Long.MAX_VALUE); // until killed
  }
}
