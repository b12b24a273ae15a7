package dev.kitt.web;

import dev.kitt.bus.Addresses;
import dev.kitt.cli.Await;
import dev.kitt.testing.Fixtures;
import dev.kitt.testing.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web app in a real headless Chromium against a real server; screenshots land in target/screenshots. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppBrowserTest {
    @RegisterExtension
    static final WebSession web = new WebSession();

    private static Path home;
    private static TestServer server;
    private static Browser browser;
    private static String firstId;

    @BeforeAll
    static void start() throws Exception {
        home = web.home("kitt-web");
        server = web.startServer(home);
        firstId = server.post("/api/v1/results", Fixtures.run("run-a", "vllm", "llama-3-8b", "2026-01-10T10:00:00Z", 95.0)
                .encode()).bodyAsJsonObject().getString("id");
        server.post("/api/v1/results", Fixtures.run("run-b", "vllm", "llama-3-8b", "2026-01-11T10:00:00Z", 110.0).encode());
        server.post("/api/v1/results", Fixtures.pythonMetrics());
        browser = web.openBrowser();
    }

    @Test
    @Order(1)
    @DisplayName("A user logs in and lands on the dashboard")
    void logIn() throws Exception {
        browser.open("/");
        browser.await(By.id("f-password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.screenshot("01-login");
        browser.driver.findElement(By.cssSelector("button[type=submit]")).click();
        browser.awaitText(By.cssSelector(".page-head h1"), "Dashboard");
        browser.awaitText(By.id("main"), "Recent runs");
        browser.awaitText(By.id("main"), "llama-3-8b");
        browser.screenshot("02-dashboard");
    }

    @Test
    @Order(2)
    @DisplayName("Imported runs appear in the results list and a run's detail shows its metrics and charts")
    void resultsListAndDetail() throws Exception {
        browser.open("/results");
        browser.await(By.cssSelector(".result-link"));
        assertEquals(3, browser.driver.findElements(By.cssSelector(".result-link")).size());
        browser.screenshot("03-results");
        browser.open("/results/" + firstId);
        browser.awaitText(By.id("main"), "Throughput");
        browser.awaitText(By.id("main"), "output_tokens_per_s");
        assertTrue(browser.driver.findElements(By.cssSelector(".bars .bar")).size() > 0, "the throughput chart has bars");
        browser.screenshot("04-result-detail");
        browser.open("/results");
        browser.await(By.cssSelector(".result-link"));
        String python = browser.driver.findElements(By.cssSelector(".result-link")).stream()
                .filter(e -> !e.getText().equals("llama-3-8b")).findFirst().orElseThrow().getAttribute("href");
        browser.driver.get(python);
        browser.awaitText(By.id("main"), "Latency percentiles");
        browser.screenshot("05-result-latency");
    }

    @Test
    @Order(3)
    @DisplayName("Two runs selected in the list are compared side by side with deltas")
    void compareTwoRuns() throws Exception {
        browser.open("/results?engine=vllm");
        browser.await(By.cssSelector(".result-link"));
        List<WebElement> boxes = browser.driver.findElements(By.cssSelector("td input[type=checkbox]"));
        boxes.get(0).click();
        boxes.get(1).click();
        browser.await(By.linkText("Compare 2 runs")).click();
        browser.awaitText(By.cssSelector(".page-head h1"), "Compare 2 runs");
        browser.await(By.cssSelector(".delta"));
        assertTrue(browser.driver.findElement(By.id("main")).getText().contains("output_tokens_per_s"));
        browser.screenshot("06-compare");
    }

    @Test
    @Order(4)
    @DisplayName("A bad setting is shown next to its field, and a good one is saved")
    void changeSetting() throws Exception {
        browser.open("/settings");
        WebElement dir = browser.await(By.id("f-results_dir"));
        replaceText(dir, "relative/path");
        browser.driver.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        browser.awaitText(By.id("f-results_dir-err"), "absolute path");
        browser.screenshot("07-settings-error");
        replaceText(dir, "/srv/kitt/results");
        browser.driver.findElement(By.cssSelector("form.settings button[type=submit]")).click();
        try {
            browser.awaitText(By.cssSelector(".form-actions"), "Saved.");
        } finally {
            browser.screenshot("08-settings-saved");
        }
        JsonObject settings = server.get("/api/v1/settings").bodyAsJsonObject();
        assertEquals("/srv/kitt/results", settings.getJsonObject("results_dir").getString("value"), settings.encode());
    }

    @Test
    @Order(5)
    @DisplayName("Log lines appended while the log page is open arrive live")
    void liveLog() throws Exception {
        append("qt-live", 1, List.of("pulling image sim:latest", "engine healthy after 1.2 s"));
        browser.open("/logs/qt-live");
        browser.awaitText(By.cssSelector("[data-testid=log]"), "engine healthy");
        append("qt-live", 3, List.of("benchmark throughput started", "throughput: 112.4 tokens/s", "benchmark finished: passed"));
        browser.awaitText(By.cssSelector("[data-testid=log]"), "benchmark finished: passed");
        assertEquals(5, browser.driver.findElements(By.cssSelector(".log-line")).size());
        browser.screenshot("09-live-log");
    }

    @Test
    @Order(7)
    @DisplayName("Create a test agent and an enrollment token, launch a quick test on the simulated engine, watch its log, open the result")
    void fleetQuickTestFlow() throws Exception {
        browser.open("/agents");
        browser.await(By.cssSelector(".page-head h1"));
        click("Create test agent");
        browser.await(By.cssSelector(".test-agent-form button[type=submit]")).click();
        browser.awaitText(By.id("main"), "online");
        assertTrue(browser.driver.findElements(By.cssSelector(".badge")).size() > 0, "the test-agent badge");
        click("Add an agent");
        browser.await(By.cssSelector(".enroll-form button[type=submit]")).click();
        browser.awaitText(By.cssSelector("[data-testid=install-command]"), "KITT_ENROLL_TOKEN=kitt_enroll_");
        browser.screenshot("18-agents-enrollment");

        browser.open("/quicktests");
        WebElement agent = browser.await(By.id("f-agent_id"));
        browser.awaitText(By.id("f-agent_id"), "(test)");
        new org.openqa.selenium.support.ui.Select(agent).selectByIndex(1);
        browser.driver.findElement(By.id("f-model")).sendKeys("tiny-sim");
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("f-engine"))).selectByValue("sim");
        browser.driver.findElement(By.cssSelector("form.form-grid button[type=submit]")).click();
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
                    .until(d -> d.getCurrentUrl().matches(".*#/quicktests/.+"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the quick test did not launch: " + browser.driver.findElement(By.id("main")).getText());
        }
        // The log streams in live while the run goes on inside the server.
        browser.awaitText(By.cssSelector("[data-testid=log]"), "on the simulated engine");
        WebElement result = browser.await(By.linkText("Open the result"));
        browser.screenshot("19-quicktest-done");
        result.click();
        browser.awaitText(By.id("main"), "output_tokens_per_s");
        browser.screenshot("20-quicktest-result");
    }

    private static void click(String buttonText) {
        browser.driver.findElements(By.tagName("button")).stream().filter(b -> b.getText().trim().equals(buttonText))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + buttonText)).click();
    }

    @Test
    @Order(6)
    @DisplayName("Every other page renders content or a clear empty state, never a blank page")
    void otherPagesNeverBlank() throws Exception {
        String[][] pages = {{"/agents", "10-agents"}, {"/quicktests", "11-quicktests"}, {"/campaigns", "12-campaigns"},
                {"/models", "13-models"}, {"/engines", "14-engines"}, {"/quicktests/qt-live", "15-quicktest-detail"}};
        for (String[] p : pages) {
            browser.open(p[0]);
            browser.await(By.cssSelector(".page-head h1"));
            browser.await(By.cssSelector(".card"));
            String text = browser.driver.findElement(By.id("main")).getText();
            assertTrue(text.length() > 20, p[0] + " shows something: " + text);
            browser.screenshot(p[1]);
        }
    }

    @Test
    @Order(7)
    @DisplayName("On a phone-sized screen the menu folds away and tables stack")
    void phoneLayout() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.open("/results");
        browser.await(By.cssSelector(".result-link"));
        browser.await(By.cssSelector(".menu-toggle"));
        browser.screenshot("16-phone-results");
        browser.driver.findElement(By.cssSelector(".menu-toggle")).click();
        browser.await(By.cssSelector("nav.open"));
        browser.screenshot("17-phone-menu");
        browser.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Types over the field's text with real key events (WebElement.clear() fires no input event). */
    private static void replaceText(WebElement field, String text) {
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    private static void append(String source, long first, List<String> lines) {
        Await.result(server.server().vertx().eventBus().request(Addresses.LOGS_APPEND, new JsonObject()
                .put("sourceId", source).put("firstSeq", first).put("lines", new JsonArray(lines))));
    }
}
