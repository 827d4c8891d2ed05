package com.tradewind.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web chat page (src/main/resources/webroot) in a real headless Chromium from Debian
 * ({@code apt-get install chromium chromium-driver}), against a fake {@code /api/v1/messages} served
 * by a small Vert.x server in the test so the page is tested on its own, and against the real bot.
 * In CI a missing /usr/bin/chromedriver fails; elsewhere it skips, as does
 * {@code -Dtradewind.skipBrowser=true}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebChatBrowserTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /**
   * Skipped on a developer machine without Debian's Chromium (the README's two commands need only
   * a JDK and Maven); in CI ({@code CI=true}, where .ci/run installs it) a missing browser fails.
   */
  private static final boolean SKIP = Boolean.getBoolean("tradewind.skipBrowser")
      || (!"true".equals(System.getenv("CI")) && !(Files.isExecutable(Path.of("/usr/bin/chromedriver"))
          && Files.isExecutable(Path.of("/usr/bin/chromium"))));
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Dimension MOBILE = new Dimension(390, 844);
  private static final Dimension DESKTOP = new Dimension(1280, 800);
  /** Keeps Selenium's own java.util.logging chatter (CDP version notes and the like) quiet. */
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

  static final String ORDER_QUESTION = "¿Cuál es el número de tu pedido?\nLo encontrarás en el correo de confirmación.";
  static final String TRACKING_REPLY = "Tu pedido TW-1042 salió de Shenzhen el lunes.\nLlegará en 5–8 días hábiles.";
  static final String FEES_REPLY = "Marketplace fees depend on the category:\n• Electronics: 5%\n• Fashion: 8%";
  static final String HTML_REPLY = "<b>bold</b> & <img src=x onerror=\"window.__xss=1\"> stays text";
  static final String ARABIC_REPLY = "أهلاً بك! ما هو رقم طلبك؟\nستجده في رسالة التأكيد.";

  private static Vertx vertx;
  private static HttpServer server;
  private static ChromeDriver driver;
  private static Path profile;
  private static String base;
  private static String realBase;

  /** Every request body the fake API received, in order. */
  private static final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger conversations = new AtomicInteger();
  private static final AtomicReference<String> lastConversation = new AtomicReference<>();
  private static com.tradewind.bot.handoff.HandoffService handoffs;

  @BeforeAll
  static void startServerAndBrowser() throws Exception {
    if (SKIP) {
      return; // each test is then reported as skipped by freshPage()
    }
    assertTrue(Files.isExecutable(CHROMEDRIVER), "the web chat browser tests need Debian's Chromium: "
        + CHROMEDRIVER + " is missing. Install it with `apt-get install -y chromium chromium-driver` "
        + "(.ci/run does this), or skip these tests with -Dtradewind.skipBrowser=true");
    assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: `apt-get install -y chromium`");
    SELENIUM_LOG.setLevel(Level.SEVERE);

    vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.route("/api/*").handler(BodyHandler.create(false));
    router.post("/api/v1/messages").handler(WebChatBrowserTest::fakeMessages);
    router.get("/api/v1/conversations/:id/updates").handler(ctx -> ctx.json(new JsonObject().put("handoff", true)
        .put("messages", new JsonArray())));
    router.get("/kb/*").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; charset=utf-8")
        .end("# " + ctx.normalizedPath().substring("/kb/".length()) + "\n\nThe source document.\n"));
    router.get("/health/ready").handler(ctx -> ctx.json(new JsonObject().put("status", "ready")));
    router.get("/*").handler(StaticHandler.create("webroot").setCachingEnabled(false));
    server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    base = "http://127.0.0.1:" + server.actualPort() + "/";

    // The real bot as well, for the end-to-end conversation: shipped intents, replies and sample orders.
    Path root = Files.createTempDirectory("tradewind-e2e-");
    var detector = new com.tradewind.knowledge.lang.LanguageDetector();
    var knowledge = new com.tradewind.bot.knowledge.KnowledgeService(vertx, com.tradewind.knowledge.KnowledgeOptions.of(
        com.tradewind.bot.TestKnowledge.write(root.resolve("kb")), root.resolve("data"), Path.of("config/glossary.tsv")), detector);
    knowledge.start(false).await(60, TimeUnit.SECONDS);
    var engine = com.tradewind.bot.conversation.DialogueAssembly.build(new com.tradewind.bot.config.ConversationOptions(
        Path.of("config/intents"), Path.of("config/replies"), Path.of("config/sample-orders.json"), Duration.ofHours(1)),
        knowledge, detector);
    // With hand-off as served: a staff desk that names every case's thread "T-" + its conversation.
    var mailbox = new com.tradewind.bot.handoff.InMemoryWebChatMailbox(Duration.ofHours(1), java.time.Clock.systemUTC());
    handoffs = new com.tradewind.bot.handoff.HandoffService(vertx,
        new com.tradewind.bot.handoff.FileHandoffRegistry(vertx, root.resolve("data/handoffs.json")),
        new com.tradewind.bot.handoff.StaffDesk() {
          @Override
          public io.vertx.core.Future<String> open(com.tradewind.bot.handoff.HandoffCase c,
              List<com.tradewind.bot.handoff.ChatLine> recent) {
            return io.vertx.core.Future.succeededFuture("T-" + c.conversationId());
          }

          @Override
          public io.vertx.core.Future<Void> buyerWrote(com.tradewind.bot.handoff.HandoffCase c, String text) {
            return io.vertx.core.Future.succeededFuture();
          }

          @Override
          public io.vertx.core.Future<Void> closed(com.tradewind.bot.handoff.HandoffCase c, String reason) {
            return io.vertx.core.Future.succeededFuture();
          }
        }, java.util.Map.of("web", mailbox), engine::release,
        com.tradewind.bot.replies.ReplyTemplates.load(Path.of("config/replies")), java.time.Clock.systemUTC(),
        Duration.ofHours(1));
    var dialogue = new com.tradewind.bot.handoff.HandoffDialogue(engine, handoffs,
        new com.tradewind.bot.handoff.RecentMessages(12, Duration.ofHours(1), 1000), java.time.Clock.systemUTC());
    int realPort = new com.tradewind.bot.http.ApiServer(vertx, new com.tradewind.bot.config.HttpOptions("127.0.0.1", 0),
        knowledge, dialogue, root.resolve("kb")).with(new com.tradewind.bot.handoff.HandoffRoutes(handoffs, mailbox))
        .start().await(10, TimeUnit.SECONDS);
    realBase = "http://127.0.0.1:" + realPort + "/";

    // Selenium Manager must not look for or download anything: the driver and browser are given.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("tradewind-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + MOBILE.width + "," + MOBILE.height, "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Every test starts on a fresh page with nothing stored. */
  @BeforeEach
  void freshPage() {
    assumeFalse(SKIP, "browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver "
        + "(apt-get install chromium chromium-driver), or -Dtradewind.skipBrowser=true");
    driver.manage().window().setSize(MOBILE);
    driver.get(base);
    js("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.navigate().refresh();
    waitUntil(d -> d.findElement(By.id("input")).isEnabled() && d.findElement(By.id("welcome")).isDisplayed());
    received.clear();
  }

  // ------------------------------------------------------------------------------------- tests

  @Test
  void aCustomerTokenInTheFragmentGoesWithEveryMessageAndLeavesTheAddressBar() {
    String token = "v1.MjA3MTE5NTUx.1900000000.0123abcd";
    driver.get(base + "#customer_token=" + token);
    driver.navigate().refresh(); // only the fragment changed: make the page start again with it
    waitUntil(d -> d.findElement(By.id("input")).isEnabled());
    assertEquals("", js("return window.location.hash;"), "the token is taken out of the address bar");
    send("Where is my order?");
    waitForBotReplies(1);
    assertEquals(token, received.get(0).getString("customer_token"), received.get(0).encode());

    driver.navigate().refresh(); // same tab, no fragment: the token is still this tab's
    waitUntil(d -> d.findElement(By.id("input")).isEnabled());
    send("Where is my order?");
    waitUntil(d -> received.size() == 2);
    assertEquals(token, received.get(1).getString("customer_token"));

    js("window.sessionStorage.clear();");
    driver.navigate().refresh();
    waitUntil(d -> d.findElement(By.id("input")).isEnabled());
    send("Where is my order?");
    waitUntil(d -> received.size() == 3);
    assertFalse(received.get(2).containsKey("customer_token"), "without a token the asker is anonymous");
  }

  @Test
  void sendingShowsTheReplyItsButtonsAndItsSources() {
    assertEquals(List.of(), severeBrowserLogs(), "console errors while loading the page");
    assertEquals("Tradewind support", driver.findElement(By.tagName("h1")).getText());
    assertEquals("polite", driver.findElement(By.id("messages")).getDomAttribute("aria-live"));
    assertEquals("Your message", driver.findElement(By.cssSelector("label[for=input]")).getDomProperty("textContent"));

    send("Where is my order?");
    waitForBotReplies(1);
    assertEquals(List.of("Where is my order?"), texts("#messages .msg-user .text"));
    assertEquals(ORDER_QUESTION, lastBotText(), "line breaks are preserved");
    WebElement bubble = driver.findElement(By.cssSelector("#messages .msg-bot .bubble"));
    assertEquals("auto", bubble.getDomAttribute("dir"));
    assertEquals("es", bubble.getDomAttribute("lang"));
    JsonObject first = received.get(0);
    assertEquals("Where is my order?", first.getString("text"));
    assertEquals("web", first.getString("channel"));
    assertTrue(first.getString("user", "").startsWith("web-"), "a generated user id: " + first);
    assertFalse(first.containsKey("conversation"), "no conversation yet: " + first);
    assertFalse(first.containsKey("action"), first.encode());

    List<WebElement> buttons = driver.findElements(By.cssSelector("#messages .msg-bot .quick-reply"));
    assertEquals(List.of("Rastrear envío", "Hablar con una persona"), buttons.stream().map(WebElement::getText).toList());
    buttons.get(0).click();
    waitForBotReplies(2);
    JsonObject pressed = received.get(1);
    assertEquals("track", pressed.getString("action"), "the button's id goes as action: " + pressed);
    assertEquals("Rastrear envío", pressed.getString("text"), "the button's label goes as text");
    assertEquals(lastConversation.get(), pressed.getString("conversation"));
    assertEquals(first.getString("user"), pressed.getString("user"));
    assertEquals(TRACKING_REPLY, lastBotText());
    assertEquals("Rastrear envío", texts("#messages .msg-user .text").get(1), "the label shows as the user's message");
    assertTrue(driver.findElements(By.cssSelector("#messages .quick-reply")).stream().noneMatch(WebElement::isDisplayed),
        "answered suggestions are put away");

    send("What are the fees?");
    waitForBotReplies(3);
    assertEquals(FEES_REPLY, lastBotText());
    List<WebElement> links = driver.findElements(By.cssSelector("#messages .msg-bot:last-child .sources a"));
    assertEquals(2, links.size());
    assertEquals(base + "kb/seller/zh/fees.md", links.get(0).getDomAttribute("href"));
    assertEquals(base + "kb/seller/en/shipping-templates.md", links.get(1).getDomAttribute("href"));
    assertTrue(links.get(0).getText().startsWith("平台费用 › 佣金比例"), links.get(0).getText());
    assertTrue(links.get(1).getText().startsWith("Shipping templates › Free shipping"), links.get(1).getText());
    for (WebElement link : links) {
      assertEquals("_blank", link.getDomAttribute("target"));
      assertTrue(link.getDomAttribute("rel").contains("noopener"));
    }
    String chat = driver.getWindowHandle();
    links.get(0).click();
    waitUntil(d -> d.getWindowHandles().size() == 2);
    String tab = driver.getWindowHandles().stream().filter(h -> !h.equals(chat)).findFirst().orElseThrow();
    driver.switchTo().window(tab);
    waitUntil(d -> d.findElement(By.tagName("body")).getText().contains("seller/zh/fees.md"));
    driver.close();
    driver.switchTo().window(chat);

    send("show me html");
    waitForBotReplies(4);
    assertEquals(HTML_REPLY, lastBotText(), "server text is shown as text");
    assertTrue(driver.findElements(By.cssSelector("#messages b, #messages img")).isEmpty(), "no markup from the server");
    assertEquals(Boolean.TRUE, js("return window.__xss === undefined;"));
    assertEquals(List.of(), severeBrowserLogs(), "console errors during the conversation");
  }

  /** The page against the real bot: slot filling in Spanish, then a cited Chinese answer whose source opens. */
  @Test
  void endToEndWithTheRealBot() throws IOException {
    driver.get(realBase);
    js("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.navigate().refresh();
    waitUntil(d -> d.findElement(By.id("input")).isEnabled());
    send("¿dónde está mi pedido?");
    waitForBotReplies(1);
    assertTrue(lastBotText().toLowerCase(java.util.Locale.ROOT).contains("pedido"), lastBotText());
    send("8123456789012345");
    waitForBotReplies(2);
    assertTrue(lastBotText().contains("RR123456785CN"), lastBotText());
    send("平台仲裁要多久");
    waitForBotReplies(3);
    assertTrue(lastBotText().contains("7个工作日"), lastBotText());
    WebElement source = waitUntil(d -> d.findElements(By.cssSelector("#messages .msg-bot a")).stream()
        .filter(a -> a.getAttribute("href").contains("/kb/")).reduce((a, b) -> b).orElse(null));
    assertTrue(source.getAttribute("href").endsWith("/kb/" + com.tradewind.bot.TestKnowledge.DISPUTES), source.getAttribute("href"));
    driver.navigate().refresh();
    waitForBotReplies(3); // the conversation survives a reload
    assertTrue(severeBrowserLogs().isEmpty(), "console errors against the real bot");
    Path shot = saveScreenshot("chat-real-bot-390.png");
    assertTrue(Files.size(shot) > 10_000);
  }

  @Test
  void staffRepliesReachThePageDuringAHandoffAndTheBotComesBack() throws Exception {
    driver.get(realBase);
    js("window.localStorage.clear(); window.sessionStorage.clear();");
    driver.navigate().refresh();
    waitUntil(d -> d.findElement(By.id("input")).isEnabled());
    send("I want to talk to a human");
    waitUntil(d -> d.findElement(By.cssSelector("#messages .msg-note .note")));
    String conversation = (String) js("return JSON.parse(window.localStorage.getItem('tradewind.chat.state.v1')).conversation;");
    assertTrue(handoffs.staffReplied("T-" + conversation, "Hi, this is Marta from the team.").await(10, TimeUnit.SECONDS));
    WebElement staff = waitUntil(d -> d.findElement(By.cssSelector("#messages .msg-staff .text")));
    assertEquals("Hi, this is Marta from the team.", staff.getText());

    driver.navigate().refresh(); // the staff message is part of the kept history, and is not fetched twice
    waitUntil(d -> d.findElements(By.cssSelector("#messages .msg-staff")).size() == 1);
    saveScreenshot("chat-staff-reply-390.png");

    assertTrue(handoffs.handBackThread("T-" + conversation).await(10, TimeUnit.SECONDS));
    waitUntil(d -> lastBotText().equals("The assistant is back. How can I help you?"));
    send("where is my order 8123456789012345?");
    waitUntil(d -> lastBotText().contains("RR123456785CN"));
    assertEquals(1, driver.findElements(By.cssSelector("#messages .msg-staff")).size());
    assertEquals(List.of(), severeBrowserLogs());
  }

  @Test
  void aReloadKeepsTheConversationAndNewConversationClearsIt() {
    send("Where is my order?");
    waitForBotReplies(1);
    String conversation = lastConversation.get();
    String user = received.get(0).getString("user");
    List<String> before = texts("#messages .text");

    driver.navigate().refresh();
    waitUntil(d -> texts("#messages .text").size() == 2);
    assertEquals(before, texts("#messages .text"), "history re-rendered after a reload");
    assertEquals(2, driver.findElements(By.cssSelector("#messages .msg-bot .quick-reply")).stream()
        .filter(WebElement::isDisplayed).count(), "the last reply's buttons come back too");
    assertFalse(driver.findElement(By.id("welcome")).isDisplayed());

    send("thanks");
    waitForBotReplies(2);
    JsonObject next = received.get(1);
    assertEquals(conversation, next.getString("conversation"), "same conversation after the reload: " + next);
    assertEquals(user, next.getString("user"), "same user after the reload");

    driver.findElement(By.id("new-conversation")).click();
    waitUntil(d -> d.findElements(By.cssSelector("#messages .msg")).isEmpty());
    assertTrue(driver.findElement(By.id("welcome")).isDisplayed());
    driver.navigate().refresh();
    waitUntil(d -> d.findElement(By.id("welcome")).isDisplayed());
    assertTrue(driver.findElements(By.cssSelector("#messages .msg")).isEmpty(), "cleared for good");

    send("hello again");
    waitForBotReplies(1);
    JsonObject fresh = received.get(2);
    assertNull(fresh.getString("conversation"), "a new conversation starts without an id: " + fresh);
    assertEquals(user, fresh.getString("user"), "the user id is kept");
    assertEquals(List.of(), severeBrowserLogs());
  }

  @Test
  void waitingHandoffAndErrorsAreShown() throws IOException {
    send("a slow question");
    waitUntil(d -> d.findElement(By.id("typing")).isDisplayed());
    assertFalse(driver.findElement(By.id("send")).isEnabled(), "send is disabled while waiting");
    assertEquals("true", driver.findElement(By.id("input")).getDomProperty("readOnly"));
    waitForBotReplies(1);
    waitUntil(d -> d.findElement(By.id("send")).isEnabled() && !d.findElement(By.id("typing")).isDisplayed());
    assertEquals("false", driver.findElement(By.id("input")).getDomProperty("readOnly"));

    send("I want to talk to a human");
    WebElement note = waitUntil(d -> d.findElement(By.cssSelector("#messages .msg-note .note")));
    assertEquals("A person from our team will answer here.", note.getText());
    assertEquals(1, texts("#messages .msg-bot .text").size(), "no bot bubble for a null reply");
    waitUntil(d -> d.findElement(By.id("send")).isEnabled());
    send("are you there?");
    waitUntil(d -> received.size() == 3 && d.findElement(By.id("send")).isEnabled());
    assertEquals(1, driver.findElements(By.cssSelector("#messages .msg-note")).size(), "one note per handoff");

    send("this will fail");
    WebElement error = waitUntil(d -> {
      WebElement e = d.findElement(By.id("error"));
      return e.isDisplayed() ? e : null;
    });
    assertEquals("boom", error.getText());
    assertEquals("alert", error.getDomAttribute("role"));
    waitUntil(d -> d.findElement(By.id("send")).isEnabled());
    assertEquals(1, driver.findElements(By.cssSelector("#messages .msg-failed")).size());
    assertEquals("this will fail", driver.findElement(By.id("input")).getDomProperty("value"), "the draft comes back");
    saveScreenshot("chat-handoff-error-390.png");
    // the only console error is the browser reporting the 500 itself (which also shows the log is read)
    List<String> severe = severeBrowserLogs();
    assertFalse(severe.isEmpty(), "the failed request should be in the browser log");
    assertTrue(severe.stream().allMatch(m -> m.contains("500")), severe.toString());

    send("never mind");
    waitUntil(d -> !d.findElement(By.id("error")).isDisplayed() && received.size() == 5);
  }

  @Test
  void screenshotsOnAPhoneAndALaptop() throws IOException {
    saveScreenshot("chat-welcome-390.png");
    send("Hi there");
    waitForBotReplies(1);
    send("مرحبا، أين طلبي؟");
    waitForBotReplies(2);
    send("What are the shipping fees?");
    waitForBotReplies(3);
    send("Where is my order?");
    waitForBotReplies(4);
    waitUntil(d -> d.findElement(By.id("send")).isEnabled());
    assertEquals("rtl", js("return getComputedStyle(document.querySelectorAll('#messages .msg-bot .bubble')[1]).direction;"),
        "Arabic renders right to left");
    assertEquals("rtl", js("return getComputedStyle(document.querySelectorAll('#messages .msg-user .bubble')[1]).direction;"));
    assertEquals("ltr", js("return getComputedStyle(document.querySelectorAll('#messages .msg-bot .bubble')[2]).direction;"));
    driver.findElement(By.id("input")).sendKeys("Can I change the address?");

    for (Dimension size : List.of(new Dimension(360, 740), MOBILE, DESKTOP)) {
      driver.manage().window().setSize(size);
      waitUntil(d -> ((Number) js("return window.innerWidth;")).intValue() == size.width);
      assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth;"),
          "no sideways scrolling at " + size.width + "px");
      assertEquals(Boolean.TRUE, js("return document.documentElement.scrollHeight <= window.innerHeight;"),
          "only the message list scrolls, not the page, at " + size.width + "px");
      if (size.width == 360) {
        continue;
      }
      js("document.getElementById('scroller').scrollTop = 1e6;");
      Path file = saveScreenshot(size.equals(MOBILE) ? "chat-mobile-390.png" : "chat-desktop-1280.png");
      byte[] png = Files.readAllBytes(file);
      assertTrue(png.length > 10 * 1024, file + " is only " + png.length + " bytes");
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertNotNull(image, file + " is not a PNG");
      assertTrue(image.getWidth() >= size.width * 0.9, file + " is " + image.getWidth() + "px wide");
      int colours = distinctColours(image);
      assertTrue(colours > 64, file + " has only " + colours + " colours");
    }
  }

  // --------------------------------------------------------------------------------- fake API

  private static void fakeMessages(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    received.add(body.copy());
    String text = body.getString("text", "");
    String lower = text.toLowerCase(Locale.ROOT);
    String action = body.getString("action");
    if (lower.contains("fail")) {
      ctx.response().setStatusCode(500).putHeader("content-type", "application/json")
          .end(new JsonObject().put("error", "boom").encode());
      return;
    }
    String conversation = body.getString("conversation");
    if (conversation == null) {
      conversation = "conv-" + conversations.incrementAndGet();
    }
    lastConversation.set(conversation);

    String language = "en";
    String intent = "other";
    JsonObject reply;
    boolean handoff = false;
    if ("track".equals(action)) {
      language = "es";
      intent = "order_status";
      reply = reply(TRACKING_REPLY, language, new JsonArray(), new JsonArray());
    } else if ("human".equals(action) || lower.contains("human") || lower.contains("are you there")) {
      intent = "human";
      handoff = true;
      reply = null;
    } else if (lower.contains("order") && !text.matches(".*\\p{IsArabic}.*")) {
      language = "es";
      intent = "order_status";
      reply = reply(ORDER_QUESTION, language, new JsonArray()
          .add(new JsonObject().put("id", "track").put("label", "Rastrear envío"))
          .add(new JsonObject().put("id", "human").put("label", "Hablar con una persona")), new JsonArray());
    } else if (lower.contains("shipping fees")) {
      intent = "fees";
      reply = reply(FEES_REPLY, language, new JsonArray(), new JsonArray()
          .add(source("Seller fees", "Commission rates", "seller/en/fees.md"))
          .add(source("Shipping templates", "Free shipping", "seller/en/shipping-templates.md")));
    } else if (lower.contains("fees")) {
      intent = "fees";
      reply = reply(FEES_REPLY, language, new JsonArray(), new JsonArray()
          .add(source("平台费用", "佣金比例", "seller/zh/fees.md"))
          .add(source("Shipping templates", "Free shipping", "seller/en/shipping-templates.md")));
    } else if (lower.contains("html")) {
      reply = reply(HTML_REPLY, language, new JsonArray(), new JsonArray());
    } else if (text.matches(".*\\p{IsArabic}.*")) {
      language = "ar";
      intent = "order_status";
      reply = reply(ARABIC_REPLY, language, new JsonArray()
          .add(new JsonObject().put("id", "human").put("label", "التحدث إلى شخص")), new JsonArray());
    } else {
      reply = reply("You said: " + text, language, new JsonArray(), new JsonArray());
    }
    JsonObject out = new JsonObject().put("conversation", conversation).put("language", language)
        .put("reply", reply).put("intent", intent).put("confidence", 0.97)
        .put("entities", new JsonObject()).put("handoff", handoff);
    long delay = lower.contains("slow") ? 800 : 1;
    vertx.setTimer(delay, id -> ctx.response().putHeader("content-type", "application/json").end(out.encode()));
  }

  private static JsonObject reply(String text, String language, JsonArray buttons, JsonArray sources) {
    return new JsonObject().put("text", text).put("language", language).put("buttons", buttons).put("sources", sources);
  }

  private static JsonObject source(String title, String section, String path) {
    return new JsonObject().put("title", title).put("section", section).put("path", path).put("url", "/kb/" + path);
  }

  // ----------------------------------------------------------------------------------- helpers

  private static void send(String text) {
    waitUntil(d -> d.findElement(By.id("send")).isEnabled());
    WebElement input = driver.findElement(By.id("input"));
    input.clear();
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
    waitUntil(d -> texts("#messages .msg-user .text").contains(text));
  }

  private static void waitForBotReplies(int count) {
    waitUntil(d -> texts("#messages .msg-bot .text").size() >= count && d.findElement(By.id("send")).isEnabled());
    assertEquals(count, texts("#messages .msg-bot .text").size());
  }

  private static String lastBotText() {
    List<String> bot = texts("#messages .msg-bot .text");
    return bot.get(bot.size() - 1);
  }

  private static List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(condition);
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  /** SEVERE console entries since the last call (reading the log empties it). */
  private static List<String> severeBrowserLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  /** Saves what the browser shows now as bot/target/screenshots/{@code name}. */
  private static Path saveScreenshot(String name) throws IOException {
    Path file = screenshotDir().resolve(name);
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  private static Path screenshotDir() throws IOException {
    Path testClasses;
    try {
      testClasses = Path.of(WebChatBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    Path dir = testClasses.getParent().resolve("screenshots"); // bot/target/screenshots
    Files.createDirectories(dir);
    return dir;
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xffffff);
        if (colours.size() > 10_000) {
          return colours.size();
        }
      }
    }
    return colours.size();
  }
}
