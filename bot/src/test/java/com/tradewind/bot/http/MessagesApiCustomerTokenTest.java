package com.tradewind.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import com.tradewind.bot.commerce.CommerceDesk;
import com.tradewind.bot.commerce.CustomerTokens;
import com.tradewind.bot.commerce.OrderAccess;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.connectors.commerce.sample.SampleStore;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code customer_token} on {@code POST /api/v1/messages} with the web chat in token mode. */
class MessagesApiCustomerTokenTest {

  private static final CustomerTokens TOKENS = new CustomerTokens("shop-secret-0123456789", Clock.systemUTC());
  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path root = Files.createTempDirectory("tokens");
    Path kb = TestKnowledge.write(root.resolve("kb"));
    LanguageDetector detector = new LanguageDetector(false);
    KnowledgeService knowledge = new KnowledgeService(vertx,
        KnowledgeOptions.of(kb, root.resolve("data"), Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    SampleStore sample = new SampleStore(Path.of("config/sample-orders.json"), Clock.systemUTC());
    var engine = DialogueAssembly.build(new ConversationOptions(Path.of("config/intents"), Path.of("config/replies"),
        Path.of("config/sample-orders.json"), Duration.ofHours(1)), knowledge, detector,
        new CommerceDesk(sample, sample, new OrderAccess(OrderAccess.WebAccess.TOKEN, Map.of()), Duration.ofDays(7)));
    port = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, engine, kb).customerTokens(TOKENS)
        .start().await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static HttpResponse<Buffer> post(JsonObject body) throws Exception {
    return client.post(port, "127.0.0.1", "/api/v1/messages").sendJsonObject(body).await(30, TimeUnit.SECONDS);
  }

  private static JsonObject ask(String text, String token) {
    JsonObject body = new JsonObject().put("user", "jane").put("text", text);
    return token == null ? body : body.put("customer_token", token);
  }

  @Test
  void validTokenShowsTheCustomersOwnOrder() throws Exception {
    HttpResponse<Buffer> r = post(ask("where is my order #1001?", TOKENS.issue("customer-77", Duration.ofHours(1))));
    assertEquals(200, r.statusCode());
    String text = r.bodyAsJsonObject().getJsonObject("reply").getString("text");
    assertTrue(text.contains("#1001") && !text.contains("couldn't find"), text);
  }

  @Test
  void withoutATokenOrdersLookUnknown() throws Exception {
    String text = post(ask("where is my order #1001?", null)).bodyAsJsonObject().getJsonObject("reply").getString("text");
    assertTrue(text.contains("couldn't find"), text);
  }

  @Test
  void claimingAStaffChannelUnlocksNothing() throws Exception {
    for (String channel : new String[] {"cli", "slack", "whatsapp"}) {
      String text = post(ask("where is my order #1001?", null).put("channel", channel)).bodyAsJsonObject()
          .getJsonObject("reply").getString("text");
      assertTrue(text.contains("couldn't find"), channel + ": " + text);
    }
  }

  @Test
  void invalidOrExpiredTokenIs401Json() throws Exception {
    for (String token : new String[] {"garbage", TOKENS.issue("customer-77", Duration.ofSeconds(-5)),
        new CustomerTokens("another-secret-0123456", Clock.systemUTC()).issue("customer-77", Duration.ofHours(1))}) {
      HttpResponse<Buffer> r = post(ask("where is my order #1001?", token));
      assertEquals(401, r.statusCode(), token);
      assertFalse(r.bodyAsJsonObject().getString("error").isBlank());
    }
    assertEquals(400, post(ask("hi", null).put("customer_token", 42)).statusCode());
  }
}
