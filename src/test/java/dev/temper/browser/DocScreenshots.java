package dev.temper.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Screenshots the docs show, refreshed from a browser test's run only when asked
 * ({@code TEMPER_DOC_SCREENSHOTS=true}), so that an ordinary test run leaves the working tree as it was.
 */
final class DocScreenshots {

    static final Path DIRECTORY = Path.of("docs", "screenshots");

    private DocScreenshots() {
    }

    /** Takes the screenshot into target/screenshots and, when asked, copies it to docs/screenshots. */
    static void take(Browser browser, String name) {
        browser.screenshot(name);
        if (!Boolean.parseBoolean(System.getenv("TEMPER_DOC_SCREENSHOTS"))) {
            return;
        }
        try {
            Files.createDirectories(DIRECTORY);
            Files.copy(Browser.SCREENSHOTS.resolve(name + ".png"), DIRECTORY.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
