package dev.temper.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Screenshots the docs show: taken like any other (target/screenshots), then copied to docs/screenshots. */
final class DocScreenshots {

    static final Path DOCS = Path.of("docs", "screenshots");

    private DocScreenshots() {
    }

    static void save(Browser browser, String name) {
        browser.screenshot(name);
        try {
            Files.createDirectories(DOCS);
            Files.copy(Browser.SCREENSHOTS.resolve(name + ".png"), DOCS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
