package dev.temper.browser;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.BarImagesIdx;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The dataset registry in a real browser: alice uploads an IDX pair and watches its progress, reads the
 * profile (class chart, image preview, duplicates), runs a label-noise search whose progress is pushed,
 * and derives a rotated copy with its lineage; dana only reads; bob sees nothing of team-a's.
 */
@QuarkusTest
class BrowserDatasetTest {

    private static final int IMAGES = 3_000;

    @TestHTTPResource("/")
    URL root;

    @Test
    void aliceUploadsImagesReadsTheProfileAndDerivesAShiftedCopy() throws Exception {
        boolean required = Boolean.parseBoolean(System.getenv("TEMPER_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        }
        String baseUrl = root.toString().replaceAll("/$", "").replace("127.0.0.1", "localhost");
        Path dir = Files.createTempDirectory("browser-idx-");
        Path images = dir.resolve("train-images-idx3-ubyte.gz");
        Path labels = dir.resolve("train-labels-idx1-ubyte.gz");
        // 2% of the labels are wrong, for the label-noise search to find.
        BarImagesIdx.write(images, labels, IMAGES, 31, 0.02);

        long datasetId;
        try (Browser alice = new Browser(baseUrl)) {
            alice.signIn("alice");
            alice.open("/datasets");
            alice.type("dataset-name", "browser-bars");
            alice.choose("dataset-format", "IDX images + labels (MNIST format)");
            // The upload reports progress to its bar as the bytes go out; record what it was told.
            alice.js("window.uploadProgress = [];"
                    + "arguments[0].addEventListener('upload-progress', e => window.uploadProgress.push(e.detail.file.progress));",
                    alice.byId("dataset-upload"));
            alice.upload("dataset-upload", images, labels);
            alice.until(() -> alice.notifications().contains("Registered browser-bars v1"), Duration.ofSeconds(60));
            List<?> progress = (List<?>) alice.js("return window.uploadProgress");
            assertThat(progress).isNotEmpty();
            assertThat(((Number) progress.get(progress.size() - 1)).intValue()).isEqualTo(100);
            alice.until(() -> alice.text("datasets-grid").contains("browser-bars v1"));
            alice.screenshot("10-dataset-uploaded");

            datasetId = as("alice").queryParam("name", "browser-bars").get("/api/datasets").then().extract()
                    .jsonPath().getLong("items.find { it.name == 'browser-bars' }.id");
            alice.open("/datasets/" + datasetId);
            assertThat(alice.text("dataset-summary")).contains(IMAGES + " samples", "image 28x28x1", "10 classes");
            String chart = (String) alice.js("return arguments[0].data", alice.byId("class-distribution"));
            assertThat(chart).contains("\"labels\":[\"0\",\"1\",\"2\"", "\"train\"", "\"test\"");
            // A drawn chart has a canvas with pixels, not only data.
            alice.until(() -> Boolean.TRUE.equals(alice.js("const c = arguments[0].shadowRoot.querySelector('canvas');"
                    + " return !!c && c.width > 0", alice.byId("class-distribution"))));
            assertThat(alice.count(By.cssSelector("#image-preview img.preview-image")))
                    .isEqualTo(BarImagesIdx.CLASSES * 8);
            assertThat(alice.text("duplicates-summary")).contains("0 exact duplicates");
            alice.screenshot("11-dataset-profile");

            alice.click("label-noise-start");
            alice.until(() -> alice.text("label-noise-status").contains("Searching")
                    || alice.text("label-noise-status").contains("suspects"));
            alice.until(() -> alice.text("label-noise-status").contains("suspects"), Duration.ofMinutes(2));
            assertThat(alice.text("label-noise-status")).contains("out-of-fold accuracy");
            assertThat(alice.count(By.cssSelector("#label-noise-suspects vaadin-grid-cell-content"))).isPositive();
            alice.screenshot("12-label-noise");

            alice.choose("derive-operation", "shift");
            alice.choose("derive-shift-kind", "rotation");
            alice.type("derive-amount", "15");
            alice.click("derive-submit");
            alice.until(() -> alice.text("dataset-title").contains("browser-bars v2"), Duration.ofSeconds(60));
            assertThat(alice.text("dataset-lineage")).contains("shift of browser-bars v1", "upload (IDX)");
            alice.screenshot("13-dataset-derived");
        }

        try (Browser dana = new Browser(baseUrl)) {
            dana.signIn("dana");
            dana.open("/datasets/" + datasetId);
            dana.until(() -> dana.text("dataset-summary").contains(IMAGES + " samples"));
            assertThat(dana.count(By.id("derive-submit"))).isZero();
            assertThat(dana.count(By.id("dataset-archive"))).isZero();
            assertThat(dana.count(By.id("dataset-upload"))).isZero();
            assertThat(dana.count(By.id("label-noise-start"))).as("dana cannot start a search").isZero();
            assertThat(dana.text("label-noise-status")).contains("suspects");
        }
        try (Browser bob = new Browser(baseUrl)) {
            bob.signIn("bob");
            bob.open("/datasets/" + datasetId);
            bob.until(() -> bob.text("dataset-missing").contains("Dataset version " + datasetId + " does not exist"));
            assertThat(bob.count(By.id("dataset-summary"))).isZero();
        }
    }
}
