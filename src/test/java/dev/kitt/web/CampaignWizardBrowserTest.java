package dev.kitt.web;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaign wizard in a real headless Chromium, driven by the keyboard where a user could:
 * a campaign over two test agents is planned, a bad setting comes back next to its field, and the
 * launched campaign runs to completion on the simulated engine with per-test progress.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignWizardBrowserTest {
    @RegisterExtension
    static final WebSession web = new WebSession();

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path home = web.home("kitt-wizard");
        server = web.startServer(home);
        for (String name : new String[]{"wiz-a", "wiz-b"}) {
            server.post("/api/v1/agents/test", new JsonObject().put("name", name).put("hardware", new JsonObject()
                    .put("gpu", "Simulated GPU").put("gpu_count", 1).put("vram_gb", 24).put("cores", 8).put("ram_gb", 64))
                    .encode());
        }
        browser = web.openLoggedIn();
    }

    @Test
    @Order(2)
    @DisplayName("A quick test submitted without an agent shows the server's message next to the agent field")
    void quickTestErrorNextToField() throws Exception {
        browser.open("/quicktests");
        browser.await(By.id("f-agent_id"));
        browser.driver.findElement(By.cssSelector("form.form-grid button[type=submit]")).click();
        browser.awaitText(By.id("f-agent_id-err"), "field 'agent_id'");
        browser.screenshot("30-quicktest-field-error");
    }

    @Test
    @Order(1)
    @DisplayName("A test agent with too many GPUs and an enrollment token valid for no time show their errors next to the fields")
    void agentFormErrorsNextToFields() throws Exception {
        browser.open("/agents");
        click("Create test agent");
        WebElement count = browser.await(By.id("f-hardware.gpu_count"));
        count.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "99", Keys.ENTER);
        browser.awaitText(By.id("f-hardware.gpu_count-err"), "hardware.gpu_count must be an integer from 1 to 64");
        browser.screenshot("28-test-agent-field-error");
        click("Add an agent");
        WebElement ttl = browser.await(By.id("f-ttl_minutes"));
        ttl.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "0", Keys.ENTER);
        browser.awaitText(By.id("f-ttl_minutes-err"), "ttl_minutes must be an integer from 1 to 1440");
        browser.screenshot("29-enrollment-field-error");
    }

    @Test
    @Order(3)
    @DisplayName("The wizard is walked by keyboard, a bad timeout comes back next to its field, and the review shows the matrix")
    void wizardToReview() throws Exception {
        browser.open("/campaigns");
        click("New campaign");
        WebElement name = browser.await(By.id("f-campaign_name"));
        name.sendKeys("wizard-nightly", Keys.ENTER);
        // Each step moves focus to its heading; the agents' checkboxes and Next are reached with Tab.
        awaitFocusedText("Agents");
        tabTo("wiz-a").sendKeys(Keys.SPACE);
        tabTo("wiz-b").sendKeys(Keys.SPACE);
        tabTo("Next").sendKeys(Keys.ENTER);
        awaitFocusedText("Engines");
        tabTo("sim").sendKeys(Keys.SPACE);
        checkbox("engine", "llama_cpp").click();
        new Select(browser.await(By.id("f-engines.llama_cpp.mode"))).selectByValue("docker");
        browser.screenshot("31-wizard-engines");
        click("Next");
        awaitFocusedText("Models");
        addModel("tiny-gguf", "gguf", "org/tiny-GGUF");
        addModel("tiny-st", "safetensors", "org/tiny");
        browser.screenshot("32-wizard-models");
        click("Next");
        awaitFocusedText("Suite and settings");
        WebElement timeout = browser.await(By.id("f-timeout_minutes"));
        timeout.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "0", Keys.ENTER);
        // The server's plan refuses it; the wizard returns to this step with the message under the field.
        browser.awaitText(By.id("f-timeout_minutes-err"), "timeout_minutes must be");
        browser.screenshot("33-wizard-field-error");
        timeout = browser.driver.findElement(By.id("f-timeout_minutes"));
        timeout.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "10", Keys.ENTER);
        WebElement matrix = browser.await(By.cssSelector("[data-testid=matrix]"));
        String text = matrix.getText();
        assertTrue(text.contains("tiny-st") && text.contains("llama_cpp"), text);
        assertEquals(3, matrix.findElements(By.cssSelector(".cell.planned")).size(), text);
        assertEquals(1, matrix.findElements(By.cssSelector(".cell.skipped")).size(), text);
        assertTrue(text.contains("no weights in a format llama_cpp takes"), text);
        assertTrue(text.contains("wiz-a or wiz-b"), text);
        browser.screenshot("34-wizard-review");
    }

    @Test
    @Order(4)
    @DisplayName("The launched campaign runs on the test agents and its page shows every test finishing")
    void launchAndWatch() throws Exception {
        click("Create and launch");
        new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().matches(".*#/campaigns/.+"));
        browser.await(By.cssSelector("[data-testid=progress]"));
        browser.screenshot("35-campaign-running");
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(180)).until(d ->
                    d.findElement(By.cssSelector("[data-testid=progress]")).getText().startsWith("3 of 3 finished"));
        } catch (TimeoutException e) {
            throw new AssertionError("the campaign did not finish: " + browser.driver.findElement(By.id("main")).getText());
        }
        browser.awaitText(By.cssSelector(".page-head"), "completed");
        String tests = browser.driver.findElement(By.id("main")).getText();
        assertEquals(3, browser.driver.findElements(By.linkText("result")).size(), tests);
        assertTrue(tests.contains("skipped"), tests);
        browser.screenshot("36-campaign-completed");
    }

    private static void addModel(String name, String format, String ref) {
        browser.await(By.id("f-custom_name")).sendKeys(name);
        new Select(browser.driver.findElement(By.id("f-custom_format"))).selectByValue(format);
        browser.driver.findElement(By.id("f-custom_ref")).sendKeys(ref);
        click("Add model");
        browser.awaitText(By.cssSelector(".wizard table"), name);
    }

    private static WebElement checkbox(String name, String value) {
        return browser.driver.findElement(By.cssSelector("input[name=" + name + "][value='" + value + "']"));
    }

    private static void click(String buttonText) {
        browser.driver.findElements(By.tagName("button")).stream().filter(b -> b.getText().trim().equals(buttonText))
                .findFirst().orElseThrow(() -> new AssertionError("no button " + buttonText)).click();
    }

    private static WebElement active() {
        return (WebElement) ((JavascriptExecutor) browser.driver).executeScript("return document.activeElement");
    }

    private static void awaitFocusedText(String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> active().getText().trim().equals(text));
    }

    /** Presses Tab until the focused element is (or is the checkbox of) the labelled control; fails after 40 presses. */
    private static WebElement tabTo(String label) {
        for (int i = 0; i < 40; i++) {
            active().sendKeys(Keys.TAB);
            WebElement now = active();
            String own = now.getText().trim();
            String value = now.getAttribute("value");
            String around = (String) ((JavascriptExecutor) browser.driver).executeScript(
                    "return arguments[0].closest('label') ? arguments[0].closest('label').textContent : ''", now);
            if (own.equals(label) || label.equals(value) || around.contains(label) && "checkbox".equals(now.getAttribute("type"))) {
                return now;
            }
        }
        throw new AssertionError("Tab never reached " + label);
    }
}
