package dev.temper.browser;

import java.io.IOException;
import java.time.Duration;
import org.openqa.selenium.By;

/**
 * A person in a real Chromium, for the load harness: signs in through Keycloak once, then opens pages and waits
 * for their grid to show rows. Pages are opened by the in-app router (a click on the navigation would be the same
 * request), so a page that stops loading after a fault is seen without reloading the tab.
 */
public final class PageVisitor implements AutoCloseable {

    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    private final Browser browser;

    public PageVisitor(String baseUrl) throws IOException {
        this.browser = new Browser(baseUrl);
    }

    public static boolean available() {
        return Browser.available();
    }

    public void signIn(String username) {
        browser.signIn(username);
    }

    /** Navigates inside the open tab to {@code route} and waits until grid {@code gridId} has at least one row. */
    public void visit(String route, String gridId) {
        // A router link, clicked: Flow's client intercepts it and navigates without loading the page again.
        browser.js("const a = document.createElement('a'); a.href = arguments[0]; a.setAttribute('router-link', '');"
                + " document.body.appendChild(a); a.click(); a.remove();", route);
        browser.until(() -> browser.currentPath().startsWith(route)
                && browser.count(By.cssSelector("#" + gridId)) == 1
                && ((Number) browser.js("return arguments[0].size || 0", browser.byId(gridId))).intValue() > 0,
                PAGE_WAIT);
    }

    /** Opens a page by its address, as typing it or a reload does. */
    public void open(String route, String gridId) {
        browser.open(route);
        browser.until(() -> ((Number) browser.js("return arguments[0].size || 0", browser.byId(gridId)))
                .intValue() > 0, PAGE_WAIT);
    }

    /** What the tab shows now, for a report: its address (without the query) and the start of its visible text. */
    public String describe() {
        String text = (String) browser.js("return document.body ? document.body.innerText : ''");
        return browser.js("return location.origin + location.pathname") + " | " + text.replaceAll("\\s+", " ").replaceAll("(.{0,200}).*", "$1");
    }

    public void screenshot(String name) {
        browser.screenshot(name);
    }

    @Override
    public void close() {
        browser.close();
    }
}
