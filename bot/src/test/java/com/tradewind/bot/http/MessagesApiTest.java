package com.tradewind.bot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.TestKnowledge;
import com.tradewind.bot.config.ConversationOptions;
import com.tradewind.bot.config.HttpOptions;
import com.tradewind.bot.conversation.DialogueAssembly;
import com.tradewind.bot.knowledge.KnowledgeService;
import com.tradewind.knowledge.KnowledgeOptions;
import com.tradewind.knowledge.lang.LanguageDetector;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/v1/messages}, {@code /kb/*} and the web chat page over real HTTP. */
class MessagesApiTest {

  private static Vertx vertx;
  private static WebClient client;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path root = Files.createTempDirectory("messages");
    Path kb = TestKnowledge.write(root.resolve("kb"));
    LanguageDetector detector = new LanguageDetector();
    KnowledgeService knowledge = new KnowledgeService(vertx,
        KnowledgeOptions.of(kb, root.resolve("data"), Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    var engine = DialogueAssembly.build(new ConversationOptions(Path.of("config/intents"), Path.of("config/replies"),
        Path.of("config/sample-orders.json"), Duration.ofHours(1)), knowledge, detector);
    port = new ApiServer(vertx, new HttpOptions("127.0.0.1", 0), knowledge, engine, kb).start().await(10, TimeUnit.SECONDS);
    client = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  private static HttpResponse<Buffer> post(Object body) throws Exception {
    var request = client.post(port, "127.0.0.1", "/api/v1/messages");
    return (body instanceof JsonObject json ? request.sendJsonObject(json) : request.sendBuffer(Buffer.buffer(body.toString())))
        .await(30, TimeUnit.SECONDS);
  }

  @Test
  void aSpanishBuyerIsAnsweredInSpanishAndTheConversationContinues() throws Exception {
    HttpResponse<Buffer> first = post(new JsonObject().put("user", "ana").put("text", "¿dónde está mi pedido 8123456789012345?"));
    assertEquals(200, first.statusCode());
    JsonObject body = first.bodyAsJsonObject();
    assertEquals("es", body.getString("language"));
    assertEquals("es", body.getJsonObject("reply").getString("language"));
    assertEquals("order_status", body.getString("intent"));
    assertTrue(body.getDouble("confidence") > 0.5);
    assertEquals("8123456789012345", body.getJsonObject("entities").getString("order_id"));
    assertFalse(body.getJsonObject("reply").getJsonArray("buttons").isEmpty());
    String conversation = body.getString("conversation");
    JsonObject next = post(new JsonObject().put("user", "ana").put("conversation", conversation).put("text", "ok")).bodyAsJsonObject();
    assertEquals("es", next.getString("language"));
    assertEquals(conversation, next.getString("conversation"));
  }

  @Test
  void knowledgeRepliesCarrySourcesThatCanBeOpened() throws Exception {
    JsonObject body = post(new JsonObject().put("user", "li").put("text", "平台仲裁要多久")).bodyAsJsonObject();
    String url = body.getJsonObject("reply").getJsonArray("sources").getJsonObject(0).getString("url");
    assertEquals("/kb/" + TestKnowledge.DISPUTES, url);
    var doc = client.get(port, "127.0.0.1", url).send().await(10, TimeUnit.SECONDS);
    assertEquals(200, doc.statusCode());
    assertTrue(doc.bodyAsString().contains("7个工作日"));
    assertEquals(404, client.get(port, "127.0.0.1", "/kb/../../etc/passwd").send().await(10, TimeUnit.SECONDS).statusCode());
    assertEquals(404, client.get(port, "127.0.0.1", "/kb/%2e%2e/%2e%2e/etc/passwd").send().await(10, TimeUnit.SECONDS).statusCode());
  }

  @Test
  void badInputIsA400WithAJsonError() throws Exception {
    assertError(post("not json"));
    assertError(post("[1,2]"));
    assertError(post(new JsonObject().put("text", "hola")));
    assertError(post(new JsonObject().put("user", "x")));
    assertError(post(new JsonObject().put("user", "x").put("text", "")));
    assertError(post(new JsonObject().put("user", "x").put("text", "   ")));
    assertError(post(new JsonObject().put("user", "x").put("text", "a".repeat(4001))));
    assertError(post(new JsonObject().put("user", 5).put("text", "hola")));
    assertError(post(new JsonObject().put("user", "x").put("text", 42)));
    assertError(post(new JsonObject().put("user", "x").put("text", "hola").put("channel", true)));
  }

  @Test
  void anExplicitlyNullConversationIsLikeNone() throws Exception {
    // found by MessagesApiFuzzTest: this answered 500
    HttpResponse<Buffer> r = post(new JsonObject().put("user", "n").put("text", "hola").putNull("conversation"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  @Test
  void oddButValidTextGetsASensibleReply() throws Exception {
    for (String text : new String[] {"😀😀😀", "\u0000\u0001\u0002", "hola 你好 привет", "a".repeat(4000), "?"}) {
      HttpResponse<Buffer> r = post(new JsonObject().put("user", "odd").put("text", text));
      assertEquals(200, r.statusCode(), text + ": " + r.bodyAsString());
      assertTrue(r.bodyAsJsonObject().getJsonObject("reply").getString("text").length() > 0);
    }
  }

  @Test
  void handOffIsReportedAndTheBotFallsSilent() throws Exception {
    JsonObject first = post(new JsonObject().put("user", "h").put("conversation", "handoff-1").put("text", "I want to talk to a human"))
        .bodyAsJsonObject();
    assertTrue(first.getBoolean("handoff"));
    JsonObject second = post(new JsonObject().put("user", "h").put("conversation", "handoff-1").put("text", "hello?"))
        .bodyAsJsonObject();
    assertNull(second.getValue("reply"));
    assertTrue(second.getBoolean("handoff"));
  }

  @Test
  void theChatPageIsServedAtTheRoot() throws Exception {
    var page = client.get(port, "127.0.0.1", "/").send().await(10, TimeUnit.SECONDS);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("<html"), page.bodyAsString());
  }

  private static void assertError(HttpResponse<Buffer> response) {
    assertEquals(400, response.statusCode(), response.bodyAsString());
    assertTrue(response.bodyAsJsonObject().getString("error").length() > 0);
    assertFalse(response.bodyAsString().contains("Exception"));
  }
}
