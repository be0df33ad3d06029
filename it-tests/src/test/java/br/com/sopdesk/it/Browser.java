package br.com.sopdesk.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium for one test, driven through Debian's chromedriver (never a driver
 * downloaded at run time). Waits like the OmniFaces tests: after each Ajax action, until
 * PrimeFaces' queue is empty. Saves a screenshot when a test fails.
 */
final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final WebDriverWait wait;

    Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=pt-BR",
                "--user-data-dir=" + tempProfile());
        // the framed tests use Payara's HTTPS listener with the domain's self-signed certificate
        options.setAcceptInsecureCerts(true);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("sopdesk-chromium").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
        waitForPage();
    }

    WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Types into the agent's SOP search and waits for the results of exactly this text: the search
     * runs 250 ms after the last key, so an empty Ajax queue right after typing proves nothing.
     */
    void search(String words) {
        type(By.id("search:q"), words);
        wait.until(d -> words.equals(((JavascriptExecutor) d).executeScript(
                "var r = document.getElementById('search:results'); return r && r.getAttribute('data-query');")));
        waitForAjax();
    }

    /** Clicks and waits for the resulting Ajax request (or page load) to finish. */
    void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    /**
     * Shows every row a paginated table holds (its largest rows-per-page choice) when it has more
     * than one page: the supervisor's list shows 50 clocks a page, and a suite's clocks may be more.
     */
    void everyRow(String table) {
        for (WebElement select : all(By.cssSelector("[id='" + table + "'] select.ui-paginator-rpp-options"))) {
            if (select.isDisplayed()) {
                Select rows = new Select(select);
                rows.selectByIndex(rows.getOptions().size() - 1);
                waitForAjax();
            }
        }
    }

    void waitForAjax() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty());")));
    }

    void waitForPage() {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * The element's visible text, read again if an Ajax update (a delayed keyup search firing once
     * more, say) replaced the element between finding and reading it.
     */
    String text(By by) {
        return wait.until(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Signs in through the login form and lands on the SOP list. */
    void login(String user, String password) {
        open(Env.APP + "login.xhtml");
        type(By.id("login:username"), user);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
        waitForPage();
    }

    /** What the page's console said so far (CSP refusals among it). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(e -> e.getMessage()).toList();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // a missing screenshot must not hide the test's own failure
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** JUnit extension: a failed browser test leaves a screenshot in target/screenshots. */
    static final class OnFailure implements AfterTestExecutionCallback {
        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isPresent()) {
                context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
                        .filter(t -> t.browser != null)
                        .ifPresent(t -> t.browser.screenshot(context.getRequiredTestClass().getSimpleName()
                                + "-" + context.getRequiredTestMethod().getName()));
            }
        }
    }
}
