package dev.kitt.web;

import dev.kitt.testing.Fixtures;
import dev.kitt.testing.Poll;
import dev.kitt.testing.TestServer;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Charts of a real simulated run (a short concurrency sweep, run by a test agent), the dashboard's
 * regressions panel, and phone-width layouts, in a real headless Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultChartsBrowserTest {
    @RegisterExtension
    static final WebSession web = new WebSession();

    /** The test home's own performance suite: one throughput benchmark swept over three concurrency levels. */
    private static final String SWEEP_SUITE = """
            name: performance
            runs: 1
            global_config: {max_tokens: 16}
            tests: [throughput]
            test_overrides:
              throughput: {requests: 8, sweep: {concurrency: [1, 2, 4]}}
            """;

    private static TestServer server;
    private static Browser browser;
    private static String sweepResult;

    @BeforeAll
    static void start() throws Exception {
        Path home = web.home("kitt-charts");
        Files.createDirectories(home.resolve("suites"));
        Files.writeString(home.resolve("suites/performance.yaml"), SWEEP_SUITE);
        server = web.startServer(home);
        String agent = server.post("/api/v1/agents/test", new JsonObject().put("name", "charts-agent").put("hardware",
                new JsonObject().put("gpu", "Simulated GPU").put("gpu_count", 1).put("vram_gb", 24).put("cores", 8)
                        .put("ram_gb", 64)).encode()).bodyAsJsonObject().getString("id");
        String test = server.post("/api/v1/quicktests", new JsonObject().put("agent_id", agent).put("model", "tiny-sweep")
                .put("engine", "sim").put("suite", "performance").encode()).bodyAsJsonObject().getString("id");
        sweepResult = Poll.until(Duration.ofSeconds(120), () -> server.get("/api/v1/quicktests/" + test).bodyAsJsonObject(),
                t -> !"queued".equals(t.getString("status")) && !"dispatched".equals(t.getString("status"))
                        && !"running".equals(t.getString("status")), "the sweep run to finish").getString("result_id");
        browser = web.openLoggedIn();
    }

    @Test
    @Order(1)
    @DisplayName("A swept run's detail draws the TTFT and ITL percentile curves and throughput against concurrency")
    void chartsOfASimulatedRun() throws Exception {
        assertTrue(sweepResult != null, "the sweep run stored a result");
        browser.open("/results/" + sweepResult);
        WebElement curves = browser.await(By.cssSelector("[data-testid=latency-distribution]"));
        WebElement curveChart = curves.findElement(By.cssSelector(".chart"));
        assertTrue(Integer.parseInt(curveChart.getAttribute("data-series")) >= 2, "ttft and itl curves");
        assertTrue(curves.findElements(By.cssSelector("canvas")).size() > 0, "uPlot drew on a canvas");
        assertTrue(curves.getText().contains("percentile curve"), "the chart says it is drawn from percentiles");
        // uPlot's legend lists the x series plus one row per line.
        assertTrue(curves.findElements(By.cssSelector(".u-legend .u-series")).size() >= 3, curves.getText());

        WebElement conc = browser.await(By.cssSelector("[data-testid=throughput-concurrency]"));
        assertEquals("1", conc.findElement(By.cssSelector(".chart")).getAttribute("data-series"));
        assertTrue(conc.findElements(By.cssSelector("canvas")).size() > 0, "uPlot drew on a canvas");
        assertTrue(conc.getText().contains("concurrency"), conc.getText());
        browser.screenshot("40-result-charts");
    }

    @Test
    @Order(2)
    @DisplayName("The dashboard's regressions panel is empty at first, then lists a run that got slower than the one before")
    void regressionsPanel() throws Exception {
        browser.open("/");
        browser.awaitText(By.cssSelector(".regressions"), "No regressions in the last 30 days");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        server.post("/api/v1/results", Fixtures.run("reg-1", "vllm", "llama-3-8b", now.minus(2, ChronoUnit.DAYS).toString(), 120.0).encode());
        server.post("/api/v1/results", Fixtures.run("reg-2", "vllm", "llama-3-8b", now.minus(1, ChronoUnit.DAYS).toString(), 90.0).encode());
        browser.open("/results");
        browser.open("/");
        browser.awaitText(By.cssSelector(".regressions"), "output_tokens_per_s");
        String panel = browser.driver.findElement(By.cssSelector(".regressions")).getText();
        assertTrue(panel.contains("llama-3-8b · vllm") && panel.contains("-25.0%"), panel);
        browser.screenshot("41-dashboard-regressions");
        browser.driver.findElement(By.cssSelector(".regressions a[href*='compare']")).click();
        browser.awaitText(By.cssSelector(".page-head h1"), "Compare 2 runs");
    }

    @Test
    @Order(3)
    @DisplayName("At phone width the dashboard, results, a result's charts and the wizard fit the screen without sideways scrolling")
    void phoneWidth() throws Exception {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            String[][] pages = {{"/", ".regressions .regression", "42-phone-dashboard"}, {"/results", ".result-link", "43-phone-results"},
                    {"/results/" + sweepResult, "[data-testid=throughput-concurrency] canvas", "44-phone-result-charts"}};
            for (String[] p : pages) {
                browser.open(p[0]);
                browser.await(By.cssSelector(p[1]));
                assertNoSidewaysScroll(p[0]);
                browser.screenshot(p[2]);
            }
            browser.open("/campaigns");
            browser.driver.findElements(By.tagName("button")).stream().filter(b -> b.getText().equals("New campaign"))
                    .findFirst().orElseThrow().click();
            browser.await(By.id("f-campaign_name"));
            assertNoSidewaysScroll("the wizard");
            browser.screenshot("45-phone-wizard");
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
    }

    /** Neither the page nor any table on it (tables stack into cards on phones) scrolls sideways. */
    private static void assertNoSidewaysScroll(String what) {
        Object overflow = ((JavascriptExecutor) browser.driver).executeScript(
                "return Math.max(document.documentElement.scrollWidth - window.innerWidth, "
                        + "...[...document.querySelectorAll('.table-wrap')].map(t => t.scrollWidth - t.clientWidth))");
        assertTrue(((Number) overflow).intValue() <= 1, what + " overflows sideways by " + overflow + " px");
    }
}
