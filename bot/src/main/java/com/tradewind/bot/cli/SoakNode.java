package com.tradewind.bot.cli;

import com.tradewind.bot.channels.InMemoryFeedbackRecorder;
import com.tradewind.bot.channels.slack.SlackConnector;
import com.tradewind.bot.commerce.CommerceLookup;
import com.tradewind.bot.config.DeliveryOptions;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.config.TradewindConfig;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.conversation.DialogueEngine;
import com.tradewind.bot.delivery.setup.Delivery;
import com.tradewind.bot.http.ApiServer;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One bot node wired as {@code serve} wires it, minus hand-offs and the web chat's extras: the
 * inbox of the delivery options (journal or Redis), a dialogue whose conversations live where
 * the inbox says, the Slack connector installed on its own HTTP server, its Web API at a fake.
 */
final class SoakNode implements AutoCloseable {

  private final Delivery delivery;
  private final ApiServer server;
  private final SlackConnector slack;
  private final int port;

  private SoakNode(Delivery delivery, ApiServer server, SlackConnector slack, int port) {
    this.delivery = delivery;
    this.server = server;
    this.slack = slack;
    this.port = port;
  }

  /** Starts a node and waits until Slack's {@code auth.test} answered, so it is ready for events. */
  static SoakNode start(Vertx vertx, TradewindConfig config, DeliveryOptions deliveryOptions, Path dataDir,
      KnowledgeService knowledge, LanguageDetector detector, CommerceLookup commerce, int fakeSlackPort)
      throws Exception {
    Delivery delivery = Delivery.start(vertx, deliveryOptions, config.conversation(), dataDir);
    DialogueEngine dialogue = DialogueAssembly.build(config.conversation(), knowledge, detector,
        delivery.conversations(), commerce);
    ApiServer server = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, dialogue,
        config.knowledge().knowledgeDir()).readyWhen("inbox", delivery.ready());
    SlackConnector slack = SlackConnector.install(vertx, SlackBenchKit.env(fakeSlackPort), dialogue, server,
        delivery.inbox(), new InMemoryFeedbackRecorder(), null, null);
    int port = server.start().await(30, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!slack.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Slack connector did not become ready (auth.test at the fake)");
      }
      Thread.sleep(20);
    }
    return new SoakNode(delivery, server, slack, port);
  }

  int port() {
    return port;
  }

  String describe() {
    return delivery.description();
  }

  String stats() {
    var c = delivery.counters();
    return "rejected " + slack.stats().snapshot() + ", inbox recorded " + c.recorded() + ", duplicates " + c.duplicates()
        + ", answered " + c.answered() + ", retries " + c.retries() + ", failed " + c.failed();
  }

  /** Stops accepting, lets in-flight messages finish, then closes the inbox (as SIGTERM does). */
  @Override
  public void close() throws Exception {
    server.stop().await(10, TimeUnit.SECONDS);
    slack.stop().await(30, TimeUnit.SECONDS);
    delivery.close().await(30, TimeUnit.SECONDS);
  }
}
