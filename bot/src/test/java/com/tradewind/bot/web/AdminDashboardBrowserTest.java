package com.tradewind.bot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.tradewind.bot.conversation.IncomingMessage;
import com.tradewind.bot.ops.OpsTestBot;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
 * The {@code /admin} dashboard of the real bot (with some traffic, feedback and an unanswered
 * question) in Debian's headless Chromium: sign-in, charts drawn, the try box, re-index, phone and
 * laptop layouts with screenshots in bot/target/screenshots. Skips like {@link WebChatBrowserTest}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminDashboardBrowserTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final boolean SKIP = Boolean.getBoolean("tradewind.skipBrowser")
      || (!"true".equals(System.getenv("CI")) && !(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM)));
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Dimension MOBILE = new Dimension(390, 844);
  private static final Dimension DESKTOP = new Dimension(1280, 900);
  private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
  private static final List<String> CHARTS = List.of("chart-channels", "chart-outcomes", "chart-languages", "chart-intents");

  private static OpsTestBot bot;
  private static ChromeDriver driver;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    if (SKIP) {
      return;
    }
    assertTrue(Files.isExecutable(CHROMEDRIVER), CHROMEDRIVER + " is missing: apt-get install -y chromium chromium-driver");
    SELENIUM_LOG.setLevel(Level.SEVERE);
    bot = OpsTestBot.start();
    // traffic to look at: answers in two languages, a 👎, an unanswered question, a hand-off
    var zh = say("web", "c1", "平台仲裁要多久", null);
    say("web", "c1", "没用", "not_helpful:" + zh.reply().answerId());
    say("web", "c2", "How do I edit a shipping template?", null);
    say("whatsapp", "c3", "What is the warranty on refurbished drones in Antarctica?", null);
    say("whatsapp", "c4", "hola", null);
    say("web", "c5", "I want to talk to a person", "human");
    bot.ops.insight().flushed().await(10, TimeUnit.SECONDS);

    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("tradewind-admin-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--user-data-dir=" + profile);
    LoggingPreferences logging = new LoggingPreferences();
    logging.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  private static com.tradewind.bot.conversation.Turn say(String channel, String conversation, String text, String action)
      throws Exception {
    return bot.engine.handle(new IncomingMessage(channel, "u-" + conversation, conversation, text, action))
        .await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (driver != null) {
      driver.quit();
    }
    if (bot != null) {
      bot.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @BeforeEach
  void needsChromium() {
    assumeFalse(SKIP, "browser tests skipped: no /usr/bin/chromium and /usr/bin/chromedriver, or -Dtradewind.skipBrowser=true");
  }

  @Test
  @Order(1)
  void aWrongTokenIsRefusedAndTheRightOneSignsIn() {
    driver.manage().window().setSize(DESKTOP);
    driver.manage().deleteAllCookies();
    driver.get(bot.base() + "/admin");
    assertTrue(driver.findElement(By.id("login")).isDisplayed(), "the login form, not the dashboard");
    assertTrue(driver.findElements(By.id("chart-channels")).isEmpty());
    signIn("definitely-not-the-token");
    assertTrue(driver.findElement(By.id("login-error")).isDisplayed());
    signIn(OpsTestBot.TOKEN);
    waitUntil(d -> d.findElement(By.id("kpi-messages")).getText().equals("6"));
    severeBrowserLogs(); // the two 401 pages of the sign-in are logged as failed loads; from here on, nothing
  }

  @Test
  @Order(2)
  void chartsRenderAndTheNumbersAddUp() throws IOException {
    openDashboard();
    for (String chart : CHARTS) {
      waitUntil(d -> Boolean.TRUE.equals(js(nonEmptyCanvas(chart))));
    }
    assertEquals("6", driver.findElement(By.id("kpi-messages")).getText());
    assertTrue(driver.findElement(By.id("kpi-handoff")).getText().endsWith("%"));
    List<WebElement> groups = driver.findElements(By.cssSelector("#gaps > li"));
    assertEquals(2, groups.size(), "the down-voted and the unanswered question");
    String all = driver.findElement(By.id("gaps")).getText();
    assertTrue(all.contains("Antarctica") && all.contains("平台仲裁要多久"), all);
    WebElement link = driver.findElement(By.cssSelector("#gaps a[href^='/kb/']"));
    assertNotNull(link.getDomAttribute("href"));
    assertEquals(List.of(), severeBrowserLogs(), "console errors on the dashboard");
    screenshot("admin-desktop-1280.png", DESKTOP);
  }

  @Test
  @Order(3)
  void theTryBoxShowsPassagesAndScores() {
    openDashboard();
    WebElement q = driver.findElement(By.id("try-q"));
    q.sendKeys("How do I edit a shipping template?");
    driver.findElement(By.cssSelector("#try button")).click();
    waitUntil(d -> !d.findElements(By.cssSelector("#try-results tbody tr")).isEmpty());
    List<WebElement> rows = driver.findElements(By.cssSelector("#try-results tbody tr"));
    assertTrue(rows.getFirst().getText().contains("Shipping templates"), rows.getFirst().getText());
    double score = Double.parseDouble(rows.getFirst().findElement(By.cssSelector("td.score")).getText());
    assertTrue(score > 0, "score " + score);
    assertFalse(driver.findElement(By.id("try-answer")).getText().isBlank());
    driver.findElement(By.id("reindex")).click();
    waitUntil(d -> d.findElement(By.id("reindex-result")).getText().contains("passages"));
    assertEquals(List.of(), severeBrowserLogs());
  }

  @Test
  @Order(4)
  void onAPhoneNothingScrollsSideways() throws IOException {
    driver.manage().window().setSize(MOBILE);
    openDashboard();
    waitUntil(d -> ((Number) js("return window.innerWidth;")).intValue() == MOBILE.width);
    for (String chart : CHARTS) {
      waitUntil(d -> Boolean.TRUE.equals(js(nonEmptyCanvas(chart))));
    }
    assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth;"),
        "no sideways scrolling at " + MOBILE.width + "px");
    assertEquals(List.of(), severeBrowserLogs());
    screenshot("admin-mobile-390.png", MOBILE);
    driver.manage().window().setSize(DESKTOP);
  }

  // ----------------------------------------------------------------------------------- helpers

  private static void openDashboard() {
    driver.get(bot.base() + "/admin");
    waitUntil(d -> !d.findElement(By.id("kpi-messages")).getText().equals("–"));
  }

  private static void signIn(String token) {
    WebElement input = driver.findElement(By.id("token"));
    input.clear();
    input.sendKeys(token);
    driver.findElement(By.cssSelector("#login button")).click();
    waitUntil(d -> d.findElements(By.id("login")).isEmpty() || !d.findElements(By.id("login-error")).isEmpty());
  }

  /** True once Chart.js has drawn: the canvas has a size and some non-transparent pixels. */
  private static String nonEmptyCanvas(String id) {
    return "var c = document.getElementById('" + id + "'); if (!c || !c.width || !c.height) return false;"
        + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + "var n = 0; for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n > 500;";
  }

  private static void screenshot(String name, Dimension size) throws IOException {
    Path dir = Path.of(AdminDashboardBrowserTest.class.getProtectionDomain().getCodeSource().getLocation().getPath())
        .getParent().resolve("screenshots");
    Files.createDirectories(dir);
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(dir.resolve(name), png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, name + " is not a PNG");
    assertTrue(image.getWidth() >= size.width * 0.9, name + " is " + image.getWidth() + "px wide");
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y) & 0xffffff);
      }
    }
    assertTrue(colours.size() > 64, name + " has only " + colours.size() + " colours: blank?");
  }

  private static <T> T waitUntil(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(condition);
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private static List<String> severeBrowserLogs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }
}
