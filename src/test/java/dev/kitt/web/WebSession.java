package dev.kitt.web;

import dev.kitt.testing.TestDatabases;
import dev.kitt.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One real server on SQLite and one headless Chromium for a browser test class, registered as a
 * static extension: the class seeds its server before opening the browser, and both close after
 * the class.
 */
final class WebSession implements BeforeAllCallback, AfterAllCallback {
    private TestServer server;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        // In CI (.ci/run installs them) a missing browser is a failure, not a skip.
        if (System.getenv("CI") != null && !Browser.available()) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver");
        }
        assumeTrue(Browser.available(), "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    /** A fresh server home, for the class to fill (suites, settings) before the server starts. */
    Path home(String prefix) throws Exception {
        return Files.createTempDirectory(prefix);
    }

    TestServer startServer(Path home) {
        server = TestServer.start(TestServer.config(home, TestDatabases.urlFor("sqlite")));
        return server;
    }

    Browser openBrowser() throws Exception {
        browser = new Browser("http://127.0.0.1:" + server.port(), Files.createTempDirectory("kitt-chromium"));
        return browser;
    }

    /** Opens the browser and logs in as the admin, waiting for the dashboard. */
    Browser openLoggedIn() throws Exception {
        openBrowser();
        browser.open("/");
        browser.await(By.id("f-password")).sendKeys(TestServer.ADMIN_PASSWORD, Keys.ENTER);
        browser.awaitText(By.cssSelector(".page-head h1"), "Dashboard");
        return browser;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
