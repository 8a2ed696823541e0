package dev.temper.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One signed-in user's headless Chromium (Debian's, through its chromedriver: nothing downloaded),
 * with the few Vaadin-aware steps the browser tests need.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    Browser(String baseUrl) throws IOException {
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("temper-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        this.driver = new ChromeDriver(service, options);
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    /** Opens a page; the first visit goes through Keycloak's sign-in form. */
    void signIn(String username) {
        driver.get(baseUrl + "/");
        until(() -> !driver.findElements(By.id("kc-login")).isEmpty());
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        until(() -> driver.getCurrentUrl().startsWith(baseUrl) && isVaadinReady());
    }

    void open(String path) {
        driver.get(baseUrl + path);
        until(this::isVaadinReady);
    }

    /** Navigates without waiting for Vaadin: for harnesses that time what follows the navigation themselves. */
    void navigate(String path) {
        driver.get(baseUrl + path);
    }

    /** Runs {@code script} in every page this browser opens from now on, before the page's own scripts. */
    void onEveryPage(String script) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
    }

    WebElement byId(String id) {
        until(() -> !driver.findElements(By.id(id)).isEmpty());
        return driver.findElement(By.id(id));
    }

    /**
     * Types into a Vaadin field (its native input or textarea is slotted into the light DOM once the component
     * has upgraded, which in a dialog that has just opened can be a moment after the field itself appears).
     */
    void type(String fieldId, String text) {
        By nativeInput = By.cssSelector("#" + fieldId + " input, #" + fieldId + " textarea");
        until(() -> !driver.findElements(nativeInput).isEmpty());
        inView(byId(fieldId));
        WebElement input = driver.findElement(nativeInput);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.TAB);
    }

    /** Picks the item of a Vaadin combo box whose label is exactly {@code label}. */
    void choose(String comboBoxId, String label) {
        WebElement input = inView(byId(comboBoxId)).findElement(By.cssSelector("input"));
        input.click();
        // A combo box with a value already shows its label; typing must replace it, not extend it.
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(label);
        until(() -> textOf(By.cssSelector("vaadin-combo-box-item")).contains(label));
        input.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        until(() -> label.equals(js("return arguments[0].inputElement.value", byId(comboBoxId))));
    }

    /** Selects the option of a Vaadin radio-button group whose label is {@code label}. */
    void pick(String groupId, String label) {
        byId(groupId).findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(option -> label.equals(option.getText().strip()))
                .findFirst()
                .map(this::inView)
                .orElseThrow(() -> new IllegalArgumentException("No option " + label + " in " + groupId))
                .click();
    }

    void click(String id) {
        inView(byId(id)).click();
    }

    /** Long forms put fields below the fold; a click there would land on whatever covers the point. */
    private WebElement inView(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    /**
     * Hands files to a Vaadin upload in one selection, as a user picking several files does; its file input
     * lives in the component's shadow root.
     */
    void upload(String uploadId, Path... files) {
        WebElement input = byId(uploadId).getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(String.join("\n", Arrays.stream(files).map(f -> f.toAbsolutePath().toString()).toList()));
    }

    String text(String id) {
        return (String) js("return arguments[0].textContent", byId(id));
    }

    String notifications() {
        return (String) js("return Array.from(document.querySelectorAll('vaadin-notification-card'))"
                + ".map(c => c.textContent).join(' | ')");
    }

    int count(By selector) {
        return driver.findElements(selector).size();
    }

    String textOf(By selector) {
        return String.join(" ", driver.findElements(selector).stream().map(WebElement::getText).toList());
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    void until(Supplier<Boolean> condition) {
        until(condition, WAIT);
    }

    /** Waits for the condition; on timeout, a screenshot of the page as it was lands in target/screenshots. */
    void until(Supplier<Boolean> condition, Duration timeout) {
        try {
            new WebDriverWait(driver, timeout).ignoring(RuntimeException.class).until(d -> condition.get());
        } catch (TimeoutException e) {
            screenshot("timed-out-" + System.currentTimeMillis());
            throw e;
        }
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isVaadinReady() {
        Object ready = js("return !!window.Vaadin && !!window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
        return Boolean.TRUE.equals(ready);
    }

    /** The cookies the browser holds for the page it shows, with their flags. */
    Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile; the OS cleans its temp directory.
        }
    }
}
