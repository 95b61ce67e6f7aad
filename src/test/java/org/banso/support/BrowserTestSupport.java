package org.banso.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test shares: Debian's headless Chromium driven by Selenium (explicit binary and driver paths, so
 * Selenium Manager never downloads anything), the running application's base URL, axe-core checks (no serious or
 * critical violation) and full-page screenshots under {@code target/screenshots/} for a person to look at.
 * Without Chromium the tests fail rather than skip: a browser test that silently does not run proves nothing.
 * Subclasses carry the Spring test annotations (a random port, the demo profile).
 */
public abstract class BrowserTestSupport {

    protected static final File CHROMIUM = new File("/usr/bin/chromium");
    protected static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    protected static final String DEMO_PASSWORD = "banso-demo-2026";
    protected static final Duration WAIT = Duration.ofSeconds(10);
    /**
     * How often a wait looks again. Selenium's default, 500 ms, added up to half a second to every wait not met at
     * its first look (every form sent, every sign-in): the same conditions, looked at ten times as often (#14).
     */
    protected static final Duration POLL = Duration.ofMillis(50);

    protected static ChromeDriver driver;
    private static String axeSource;
    /** The browser that has been asked to load axe-core into every new page (see {@link #axeViolations}). */
    private static ChromeDriver axeInEveryPage;
    /** Every axe finding of every impact, page by page, printed at the end for the record. */
    protected static final Map<String, List<String>> findings = new LinkedHashMap<>();

    @LocalServerPort
    protected int port;

    /** The first administrator's password, as the test profile sets it. */
    @Value("${banso.identity.admin-password}")
    protected String adminPassword;

    protected String base;

    /** The demo people's sessions kept by {@link #continueAs}, by username; forgotten when the class ends. */
    private static final Map<String, Set<Cookie>> kept = new HashMap<>();

    /**
     * Starts Chromium once for the test JVM (a browser start costs seconds on a busy machine) and quits it when the
     * JVM exits. Classes leave nothing behind that the next one would see: cookies go before every test, and a class
     * that adds a virtual authenticator removes it.
     */
    @BeforeAll
    protected static void startBrowser() throws IOException {
        if (driver == null) {
            driver = newBrowser();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "chromium-quit"));
        }
        if (axeSource == null) {
            try (InputStream in = BrowserTestSupport.class.getResourceAsStream("/axe/axe.min.js")) {
                assertThat(in).as("axe-core on the test classpath").isNotNull();
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Files.createDirectories(SCREENSHOTS);
    }

    private static ChromeDriver newBrowser() {
        assertThat(CHROMIUM).as("Chromium (apt-get install chromium)").canRead();
        assertThat(CHROMEDRIVER).as("chromedriver (apt-get install chromium-driver)").canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=ja");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)).pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /**
     * Prints this class's axe-core findings and leaves the shared browser on a blank page without cookies; a browser
     * that no longer answers is quit, and the next class starts a new one.
     */
    @AfterAll
    protected static void stopBrowser() {
        if (driver != null) {
            try {
                driver.manage().deleteAllCookies();
                driver.get("about:blank");
            } catch (org.openqa.selenium.WebDriverException broken) {
                ChromeDriver gone = driver;
                driver = null;
                try {
                    gone.quit();
                } catch (org.openqa.selenium.WebDriverException alreadyGone) {
                    // the shutdown hook's quit of this browser then has nothing left to do either
                }
            }
        }
        StringBuilder report = new StringBuilder("axe-core findings of any impact, by page:\n");
        findings.forEach((page, list) -> {
            report.append("  ").append(page).append(": ").append(list.isEmpty() ? "none" : "").append('\n');
            list.forEach(f -> report.append("    ").append(f).append('\n'));
        });
        System.out.println(report);
        findings.clear();
        kept.clear();
    }

    @BeforeEach
    protected void signedOutInJapanese() {
        base = "http://localhost:" + port;
        driver.get(base + "/");
        driver.manage().deleteAllCookies();
    }

    /** Chromium's virtual authenticator as a passkey that verifies its person (CTAP2, built in, resident keys). */
    protected static VirtualAuthenticator addPasskeyAuthenticator() {
        return ((HasVirtualAuthenticator) driver).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true)
                .setIsUserConsenting(true));
    }

    /** A wait for this test's browser, with the timeout {@link #WAIT} and looking again every {@link #POLL}. */
    protected static WebDriverWait await() {
        return new WebDriverWait(driver, WAIT, POLL);
    }

    /**
     * Goes on as this person in their own browser: the first time in a class through the login page
     * ({@link #signIn}), later with the cookies that sign-in left, as a person who comes back to a browser still
     * signed in. For journeys that pass the work from person to person and are not about signing in: each sign-in
     * through the page costs a login page, a password check and the home page (#14). The browser is then on the
     * page it was on; the caller opens the next one.
     */
    protected void continueAs(String username, String password) {
        Set<Cookie> cookies = kept.get(username);
        driver.manage().deleteAllCookies();
        if (cookies == null) {
            signIn(username, password);
            assertThat(driver.manage().getCookies()).as("%s signed in", username).isNotEmpty();
            kept.put(username, driver.manage().getCookies());
        } else {
            cookies.forEach(driver.manage()::addCookie);
        }
    }

    protected void signIn(String username, String password) {
        open("/login");
        // the previous page may still be navigating when the login page is asked for: wait for the login form itself
        await().until(d -> "/login".equals(path())
                && "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return document.readyState")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = driver.findElement(By.cssSelector("#login-form [type=submit]"));
        submit.click();
        waitUntilGone(submit);
    }

    /** Clicks a button that submits a form and waits until the browser has left the page. */
    protected void submit(By button) {
        WebElement element = driver.findElement(button);
        element.click();
        waitUntilGone(element);
    }

    /**
     * Waits until the browser has left the page an element belongs to. Chromium reports a detached element either as
     * stale or as a node that "does not belong to the document"; both mean the navigation happened.
     */
    protected void waitUntilGone(WebElement element) {
        await().until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                return true;
            } catch (org.openqa.selenium.WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    protected void open(String path) {
        driver.get(base + path);
    }

    protected void waitForLang(String lang) {
        await().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", lang));
    }

    protected String path() {
        return driver.getCurrentUrl().substring(base.length()).replaceFirst("\\?.*$", "");
    }

    protected String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    protected String heading() {
        return text("h1");
    }

    protected String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText().strip();
    }

    /** Runs axe-core on the page; fails on a serious or critical violation, naming rule and elements. */
    protected void assertNoSeriousViolations(String page) {
        List<String> all = axeViolations();
        findings.put(page, all);
        assertThat(all.stream().filter(v -> v.startsWith("serious ") || v.startsWith("critical ")).toList())
                .as("serious or critical axe-core violations on %s", page).isEmpty();
    }

    /**
     * The page's axe-core violations, one line each: impact, rule id, what it checks, the elements. The rule that a
     * control's visible label is part of its accessible name (WCAG 2.5.3) is still marked experimental in axe-core and
     * off by default: it is switched on, as issue 17 requires it of every button.
     * <p>
     * axe-core (550 kB) used to be sent through chromedriver into every page checked, 0.4 s a page on a loaded
     * machine (#14): the browser is now asked once to load it into every new page itself, and it is sent only into a
     * page that does not have it yet (the page that was open when that was asked).
     */
    @SuppressWarnings("unchecked")
    protected List<String> axeViolations() {
        if (axeInEveryPage != driver) {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", axeSource));
            axeInEveryPage = driver;
        }
        // typeof, not axe?.run: a name never declared throws even behind ?.
        if (!Boolean.TRUE.equals(driver.executeScript(
                "return typeof axe === 'object' && typeof axe.run === 'function'"))) {
            driver.executeScript(axeSource);
        }
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'],
                        rules: {'label-content-name-mismatch': {enabled: true}}})
                    .then(r => done(r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        targets: v.nodes.map(n => n.target.join(' '))}))))
                    .catch(e => done('axe failed: ' + e));
                """);
        assertThat(result).as("axe-core result").isInstanceOf(List.class);
        List<String> lines = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            lines.add(v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at " + v.get("targets"));
        }
        return lines;
    }

    /**
     * Saves the whole page, not only the window, as target/screenshots/{name}.png. The PNG is encoded for speed
     * (Chromium's fastest zlib level): the same pixels in a larger file, in less time.
     */
    @SuppressWarnings("unchecked")
    protected void screenshot(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "optimizeForSpeed", true, "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
