package com.tradewind.bot.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tradewind.bot.config.ConfigException;
import com.tradewind.bot.ops.OpsOptions;
import com.tradewind.bot.ops.OpsTestBot;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /admin} over HTTP: off without a token, 401 without credentials, bearer and login cookie accepted. */
class AdminRoutesTest {

  private static OpsTestBot bot;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    bot = OpsTestBot.start();
    client = WebClient.create(bot.vertx, new WebClientOptions().setFollowRedirects(false));
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  private static HttpResponse<Buffer> send(HttpMethod method, String path, String bearer, Object body) throws Exception {
    HttpRequest<Buffer> request = client.request(method, bot.port, "127.0.0.1", path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    }
    return (body == null ? request.send() : body instanceof JsonObject json ? request.sendJsonObject(json)
        : request.sendForm((MultiMap) body)).await(30, TimeUnit.SECONDS);
  }

  @Test
  void withoutTheTokenEverythingButTheLoginFormIs401() throws Exception {
    HttpResponse<Buffer> page = send(HttpMethod.GET, "/admin", null, null);
    assertEquals(401, page.statusCode());
    assertTrue(page.bodyAsString().contains("<form id=\"login\""), "the login form is shown");
    assertEquals(401, send(HttpMethod.GET, "/admin/api/summary", null, null).statusCode());
    assertEquals(401, send(HttpMethod.GET, "/admin/api/summary", "wrong-token-wrong-token", null).statusCode());
    HttpResponse<Buffer> api = send(HttpMethod.POST, "/admin/api/reindex", null, new JsonObject());
    assertEquals(401, api.statusCode());
    assertNotNull(api.bodyAsJsonObject().getString("error"));
    assertEquals(401, send(HttpMethod.POST, "/admin/api/try", "", new JsonObject().put("q", "x")).statusCode());
  }

  @Test
  void theBearerTokenOpensTheApi() throws Exception {
    HttpResponse<Buffer> summary = send(HttpMethod.GET, "/admin/api/summary?days=7", OpsTestBot.TOKEN, null);
    assertEquals(200, summary.statusCode(), summary.bodyAsString());
    JsonObject body = summary.bodyAsJsonObject();
    assertNotNull(body.getJsonObject("rates"));
    assertNotNull(body.getJsonArray("groups"));
    assertEquals("no-store", summary.getHeader("Cache-Control"));
    assertEquals(400, send(HttpMethod.GET, "/admin/api/summary?days=0", OpsTestBot.TOKEN, null).statusCode());
    assertEquals(400, send(HttpMethod.GET, "/admin/api/summary?days=abc", OpsTestBot.TOKEN, null).statusCode());
  }

  @Test
  void theTryBoxShowsPassagesWithScoresAndRejectsBadInput() throws Exception {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/admin/api/try", OpsTestBot.TOKEN,
        new JsonObject().put("q", "How do I edit a shipping template?"));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertFalse(body.getJsonArray("passages").isEmpty());
    JsonObject first = body.getJsonArray("passages").getJsonObject(0);
    assertEquals("seller/en/shipping-templates.md", first.getString("path"));
    assertTrue(first.getDouble("score") > 0);
    assertNotNull(body.getString("answer"));
    assertEquals(400, send(HttpMethod.POST, "/admin/api/try", OpsTestBot.TOKEN, new JsonObject().put("q", " ")).statusCode());
    assertEquals(400, send(HttpMethod.POST, "/admin/api/try", OpsTestBot.TOKEN, new JsonObject().put("q", 5)).statusCode());
    assertEquals(400, send(HttpMethod.POST, "/admin/api/try", OpsTestBot.TOKEN,
        new JsonObject().put("q", "x").put("lang", "<script>")).statusCode());
    HttpResponse<Buffer> notJson = client.post(bot.port, "127.0.0.1", "/admin/api/try")
        .putHeader("Authorization", "Bearer " + OpsTestBot.TOKEN).sendBuffer(Buffer.buffer("{nope")).await(10, TimeUnit.SECONDS);
    assertEquals(400, notJson.statusCode());
    assertNotNull(notJson.bodyAsJsonObject().getString("error"));
  }

  @Test
  void reindexReportsWhatItDid() throws Exception {
    HttpResponse<Buffer> r = send(HttpMethod.POST, "/admin/api/reindex", OpsTestBot.TOKEN, new JsonObject());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals(4, r.bodyAsJsonObject().getInteger("passages"));
    assertTrue(r.bodyAsJsonObject().getString("summary").contains("passages"));
  }

  @Test
  void theLoginFormSetsAnHttpOnlyCookieThatOpensTheDashboard() throws Exception {
    HttpResponse<Buffer> wrong = send(HttpMethod.POST, "/admin/login", null, MultiMap.caseInsensitiveMultiMap()
        .add("token", "not-the-token-at-all"));
    assertEquals(401, wrong.statusCode());
    assertTrue(wrong.cookies().isEmpty());
    HttpResponse<Buffer> login = send(HttpMethod.POST, "/admin/login", null, MultiMap.caseInsensitiveMultiMap()
        .add("token", OpsTestBot.TOKEN));
    assertEquals(303, login.statusCode());
    String cookie = login.cookies().getFirst();
    String attributes = cookie.toLowerCase(java.util.Locale.ROOT);
    assertTrue(attributes.contains("httponly") && attributes.contains("samesite=strict")
        && attributes.contains("path=/admin"), cookie);
    assertFalse(cookie.contains(OpsTestBot.TOKEN), "the cookie does not hold the token itself");
    String value = cookie.substring(0, cookie.indexOf(';'));
    HttpResponse<Buffer> page = client.get(bot.port, "127.0.0.1", "/admin").putHeader("Cookie", value).send()
        .await(10, TimeUnit.SECONDS);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("Tradewind insight"));
    HttpResponse<Buffer> form = client.post(bot.port, "127.0.0.1", "/admin/api/reindex").putHeader("Cookie", value)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("x", "1")).await(10, TimeUnit.SECONDS);
    assertEquals(415, form.statusCode(), "a cross-site form post is refused even with the cookie");
    HttpResponse<Buffer> forged = client.get(bot.port, "127.0.0.1", "/admin/api/summary")
        .putHeader("Cookie", AdminAuth.COOKIE + "=" + "0".repeat(64)).send().await(10, TimeUnit.SECONDS);
    assertEquals(401, forged.statusCode());
  }

  @Test
  void chartJsIsServedByTheBot() throws Exception {
    HttpResponse<Buffer> js = send(HttpMethod.GET, "/admin/vendor/chartjs/chart.umd.min.js", null, null);
    assertEquals(200, js.statusCode());
    assertTrue(js.bodyAsString().contains("Chart"));
  }

  @Test
  void withoutAConfiguredTokenTheDashboardIsOffAndSaysHowToTurnItOn() throws Exception {
    try (OpsTestBot off = OpsTestBot.start(Files.createTempDirectory("tradewind-admin-off-").resolve("data"), null)) {
      HttpResponse<Buffer> r = WebClient.create(off.vertx).get(off.port, "127.0.0.1", "/admin").send()
          .await(10, TimeUnit.SECONDS);
      assertEquals(503, r.statusCode());
      assertTrue(r.bodyAsString().contains("TRADEWIND_ADMIN_TOKEN"));
      HttpResponse<Buffer> api = WebClient.create(off.vertx).get(off.port, "127.0.0.1", "/admin/api/summary")
          .putHeader("Authorization", "Bearer anything-at-all-here").send().await(10, TimeUnit.SECONDS);
      assertEquals(503, api.statusCode());
    }
  }

  @Test
  void aShortTokenStopsStartUpNamingTheVariable() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> OpsOptions.load(Map.of("TRADEWIND_ADMIN_TOKEN", "short"), Path.of("data")));
    assertTrue(e.getMessage().contains("TRADEWIND_ADMIN_TOKEN"), e.getMessage());
  }
}
