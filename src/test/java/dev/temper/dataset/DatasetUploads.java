package dev.temper.dataset;

import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.format.UploadFixtures;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Multipart uploads as the API takes them, and a snapshot of everything an upload could leave behind. */
final class DatasetUploads {

    private DatasetUploads() {
    }

    static ValidatableResponse csv(String user, String name, String labelColumn, String csv) {
        return upload(user, name, Map.of("labelColumn", labelColumn), "file", name + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    /** The iris-like fixture: label column species, id column plant_id. */
    static ValidatableResponse iris(String user, String name, String csv) {
        return upload(user, name, Map.of("labelColumn", UploadFixtures.CSV_LABEL,
                "idColumn", UploadFixtures.CSV_ID), "file", name + ".csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The iris-like fixture plus one row of its own: versions are identified by content, so tests that need
     * a new version must not upload what another test (in the same database) uploaded.
     */
    static String uniqueIris(String tag) {
        double value = 1 + Math.floorMod(tag.hashCode(), 1000) / 100.0;
        return UploadFixtures.validCsv() + "own-" + tag + "," + value + "," + value + ","
                + value + "," + value + ",setosa\n";
    }

    static ValidatableResponse upload(String user, String name, Map<String, String> fields, String part,
            String fileName, byte[] content) {
        RequestSpecification request = as(user).multiPart("name", name);
        fields.forEach(request::multiPart);
        return request.multiPart(part, fileName, content, "application/octet-stream").post("/api/datasets").then();
    }

    static ValidatableResponse idx(String user, String name, byte[] images, byte[] labels) {
        return as(user).multiPart("name", name).multiPart("format", "IDX")
                .multiPart("file", "images-idx3-ubyte.gz", images, "application/octet-stream")
                .multiPart("labelsFile", "labels-idx1-ubyte.gz", labels, "application/octet-stream")
                .post("/api/datasets").then();
    }

    static ValidatableResponse zip(String user, String name, byte[] zip) {
        return upload(user, name, Map.of("format", "IMAGE_ZIP"), "file", name + ".zip", zip);
    }

    /** What a refused upload must not change: versions, stored files, working files, audited changes. */
    record Footprint(int versions, long storedFiles, long workingDirectories, int datasetAuditEntries) {

        static Footprint now() {
            int versions = as("erin").get("/api/datasets?archived=true").then().statusCode(200).extract().jsonPath()
                    .getInt("total");
            // Changes only: a refusal is audited as a DENIED entry, and that is no change.
            List<String> actions = as("erin").get("/api/audit?size=500").then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.outcome == 'SUCCESS' }.action");
            int datasetEntries = (int) actions.stream().filter(a -> a.startsWith("dataset.")).count();
            // Datasets only: jobs of other tests may be writing models meanwhile.
            return new Footprint(versions, files(Path.of("target", "test-artifacts", "datasets")),
                    countWorkingDirectories(), datasetEntries);
        }

        void assertUnchanged() {
            assertThat(now()).isEqualTo(this);
        }

        private static long files(Path root) {
            if (!Files.exists(root)) {
                return 0;
            }
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long countWorkingDirectories() {
            try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                return entries.filter(p -> p.getFileName().toString().startsWith("temper-dataset-")
                        || p.getFileName().toString().startsWith("temper-upload-")).count();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
