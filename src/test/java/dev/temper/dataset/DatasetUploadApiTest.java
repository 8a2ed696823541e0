package dev.temper.dataset;

import static dev.temper.dataset.DatasetUploads.csv;
import static dev.temper.dataset.DatasetUploads.idx;
import static dev.temper.dataset.DatasetUploads.iris;
import static dev.temper.dataset.DatasetUploads.upload;
import static dev.temper.dataset.DatasetUploads.zip;
import static dev.temper.testsupport.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.temper.base.Sha256;
import dev.temper.contract.DatasetFile;
import dev.temper.dataset.DatasetUploads.Footprint;
import dev.temper.dataset.format.UploadFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registering datasets in every format through the REST API, and refusing every kind of malformed upload
 * with a problem+json that says what and where, leaving no version, file, working file or audit entry.
 */
@QuarkusTest
class DatasetUploadApiTest {

    @Test
    void aCsvWithIdsClassNamesAndMissingValuesBecomesAProfiledVersion() {
        // Plants p3 and p7 lose their first measurement, spelled two of the accepted ways.
        String withGaps = UploadFixtures.validCsv().replaceFirst("\np3,[^,]*,", "\np3,NA,")
                .replaceFirst("\np7,[^,]*,", "\np7,,");
        JsonPath version = iris("alice", "iris-missing", withGaps)
                .statusCode(201).extract().jsonPath();
        assertThat(version.getString("kind")).isEqualTo("TABULAR");
        assertThat(version.getList("shape", Integer.class)).containsExactly(UploadFixtures.CSV_FEATURES.size());
        assertThat(version.getList("classNames", String.class)).containsExactlyElementsOf(UploadFixtures.CSV_CLASSES);
        assertThat(version.getString("sourceFormat")).isEqualTo("CSV");
        assertThat(version.getString("operation")).isEqualTo("upload");
        assertThat(version.getInt("missingSamples")).isEqualTo(2);
        long id = version.getLong("id");

        JsonPath profile = as("alice").get("/api/datasets/{id}/profile", id).then().statusCode(200).extract().jsonPath();
        assertThat(profile.getInt("sampleCount")).isEqualTo(version.getInt("rowCount"));
        assertThat(profile.getInt("missing.samplesWithMissing")).isEqualTo(version.getInt("missingSamples"));
        assertThat(profile.getMap("missing.perColumn")).isNotEmpty();
        assertThat(profile.getList("features.name", String.class)).containsExactlyElementsOf(UploadFixtures.CSV_FEATURES);

        // Training needs complete samples: the refusal says how to get them.
        as("alice").contentType("application/json").body(Map.of("kind", "PRETRAIN", "modelName", "never",
                "datasetVersionId", id, "strategy", Map.of("epochs", 2))).post("/api/jobs").then().statusCode(400)
                .body("detail", containsString("samples with missing values"));
    }

    @Test
    void idxImagesInGzipOrPlainFilesBecomeImageVersions() {
        var gz = UploadFixtures.idxPair(true);
        JsonPath version = idx("alice", "idx-gz", gz.images(), gz.labels()).statusCode(201).extract().jsonPath();
        assertThat(version.getString("kind")).isEqualTo("IMAGE");
        assertThat(version.getList("shape", Integer.class)).containsExactly(UploadFixtures.IDX_ROWS,
                UploadFixtures.IDX_COLUMNS, 1);
        assertThat(version.getInt("rowCount")).isEqualTo(UploadFixtures.IDX_COUNT);
        assertThat(version.getList("classNames", String.class)).containsExactlyElementsOf(UploadFixtures.IDX_CLASSES);

        // The same images unpacked are the same content: the version is identified by what it holds.
        var plain = UploadFixtures.idxPair(false);
        idx("alice", "idx-gz", plain.images(), plain.labels()).statusCode(200)
                .body("id", equalTo(version.getInt("id"))).body("reused", equalTo(true));

        JsonPath profile = as("alice").get("/api/datasets/{id}/profile", version.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(profile.getInt("image.height")).isEqualTo(UploadFixtures.IDX_ROWS);
        assertThat(profile.getMap("preview")).containsOnlyKeys(UploadFixtures.IDX_CLASSES.toArray());
    }

    @Test
    void aZipOfImagesInClassFoldersBecomesAnImageVersion() {
        JsonPath version = zip("alice", "shapes", UploadFixtures.imageZip()).statusCode(201).extract().jsonPath();
        assertThat(version.getString("kind")).isEqualTo("IMAGE");
        assertThat(version.getList("shape", Integer.class)).containsExactly(UploadFixtures.ZIP_SIDE,
                UploadFixtures.ZIP_SIDE, 3);
        assertThat(version.getList("classNames", String.class)).containsExactlyElementsOf(UploadFixtures.ZIP_CLASSES);
        assertThat(version.getInt("rowCount"))
                .isEqualTo(UploadFixtures.ZIP_CLASSES.size() * UploadFixtures.ZIP_IMAGES_PER_CLASS);
        assertThat(version.getMap("classCounts").values()).containsOnly(UploadFixtures.ZIP_IMAGES_PER_CLASS);

        // The canonical file reads back byte for byte: its hash is the version's identity.
        byte[] content = as("alice").get("/api/datasets/{id}/content", version.getLong("id")).then().statusCode(200)
                .contentType(DatasetFile.MEDIA_TYPE).extract().asByteArray();
        assertThat(content).hasSize(version.getInt("sizeBytes"));
        assertThat(Sha256.hex(content))
                .isEqualTo(version.getString("sha256"));
    }

    @Test
    void splitRatiosAndSeedArePartOfTheVersionsIdentity() {
        String data = UploadFixtures.validCsv();
        Map<String, String> even = Map.of("labelColumn", UploadFixtures.CSV_LABEL, "idColumn", UploadFixtures.CSV_ID,
                "trainRatio", "0.6", "validationRatio", "0.2", "testRatio", "0.2", "seed", "7");
        JsonPath first = upload("alice", "iris-split", even, "file", "iris.csv", bytes(data)).statusCode(201)
                .extract().jsonPath();
        assertThat(first.getDouble("splits.train")).isEqualTo(0.6);
        assertThat(first.getLong("splits.seed")).isEqualTo(7);
        assertThat(first.getInt("trainCount")).isEqualTo(18);
        assertThat(first.getInt("testCount")).isEqualTo(6);

        Map<String, String> otherSeed = Map.of("labelColumn", UploadFixtures.CSV_LABEL, "idColumn", UploadFixtures.CSV_ID,
                "trainRatio", "0.6", "validationRatio", "0.2", "testRatio", "0.2", "seed", "8");
        JsonPath second = upload("alice", "iris-split", otherSeed, "file", "iris.csv", bytes(data)).statusCode(201)
                .extract().jsonPath();
        assertThat(second.getString("sha256")).isNotEqualTo(first.getString("sha256"));
        assertThat(second.getInt("version")).isEqualTo(first.getInt("version") + 1);
    }

    @Test
    void aStreamedBodyIsRegisteredLikeAMultipartUpload() {
        String streamedOnly = UploadFixtures.csvWithLine(5, "p4,9.5,9.5,9.5,9.5,setosa");
        as("alice").contentType("text/csv").body(bytes(streamedOnly))
                .queryParam("name", "iris-streamed").queryParam("labelColumn", UploadFixtures.CSV_LABEL)
                .queryParam("idColumn", UploadFixtures.CSV_ID)
                .post("/api/datasets/stream").then().statusCode(201)
                .body("rowCount", equalTo(UploadFixtures.CSV_ROWS)).body("sourceFormat", equalTo("CSV"));
    }

    @Test
    void aBodyWithoutADeclaredLengthIsRefusedOnceItPassesTheLimit() throws Exception {
        Footprint before = Footprint.now();
        // The test profile sets the limit to 16 MiB. A chunked body declares no length: it is counted as it
        // arrives, and one byte over the limit is enough.
        String answer = RawHttp.exchange("/api/datasets/stream?name=huge&labelColumn=label",
                "Content-Type: text/csv\r\nTransfer-Encoding: chunked\r\n", (16 << 20) + 1);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("larger than the limit of 16.0 MiB");
        before.assertUnchanged();
    }

    @Test
    void anUploadDeclaredTooLargeIsRefusedBeforeItsBodyIsSent() throws Exception {
        Footprint before = Footprint.now();
        // The head promises 1 GiB; not one byte of it follows. An answer can only come from the head.
        String answer = RawHttp.exchange("/api/datasets", "Content-Type: multipart/form-data; boundary=temper\r\n"
                + "Content-Length: " + (1L << 30) + "\r\n", 0);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("larger than the limit of 16.0 MiB");
        before.assertUnchanged();
    }

    static Stream<Arguments> malformedUploads() {
        return Stream.of(
                refused("a ragged CSV row", () -> csvUpload(UploadFixtures.csvRagged()), "Line 7 has 4 cells, the header has 6"),
                refused("a non-numeric CSV value", () -> csvUpload(UploadFixtures.csvNonNumeric()),
                        "Line 12, column 'petal_width': 'abc' is not a number"),
                refused("a missing label column", () -> csv("alice", "bad", "class", UploadFixtures.validCsv()),
                        "The header has no label column 'class'; its columns are: plant_id"),
                refused("an unknown id column", () -> upload("alice", "bad", Map.of("labelColumn", UploadFixtures.CSV_LABEL,
                        "idColumn", "id"), "file", "bad.csv", bytes(UploadFixtures.validCsv())),
                        "The header has no id column 'id'"),
                refused("an empty file", () -> csvUpload(""), "The file is empty"),
                refused("a header without rows", () -> csvUpload(UploadFixtures.csvHeaderOnly()),
                        "The file has a header row but no data rows"),
                refused("a file that is not UTF-8", () -> upload("alice", "bad", Map.of("labelColumn",
                        UploadFixtures.CSV_LABEL, "idColumn", UploadFixtures.CSV_ID), "file", "bad.csv",
                        UploadFixtures.csvNotUtf8()),
                        "The file is not UTF-8 text: line 3"),
                refused("an empty label", () -> csvUpload(UploadFixtures.csvEmptyLabel()),
                        "Line 9 has no value in the label column 'species'"),
                refused("a truncated gzip IDX", () -> idxUpload(UploadFixtures.idxTruncatedGzip()),
                        "The gzip stream of the images file ends early"),
                refused("a wrong IDX magic number", () -> idxUpload(UploadFixtures.idxWrongMagic()),
                        "The images file has 2 dimensions (magic number 0x00000802)"),
                refused("image and label counts that differ", () -> idxUpload(UploadFixtures.idxMismatchedCounts()),
                        "The images file holds 12 images but the labels file holds 11 labels"),
                refused("a truncated IDX file", () -> idxUpload(UploadFixtures.idxTruncatedPlain()),
                        "The images file is truncated"),
                refused("an IDX upload without its labels", () -> upload("alice", "bad", Map.of("format", "IDX"), "file",
                        "images.gz", UploadFixtures.idxPair(true).images()), "an IDX upload needs two files"),
                refused("a ZIP entry leaving the archive", () -> zip("alice", "bad", UploadFixtures.zipWithParentSegment()),
                        "has an unsafe path: it has '..' segments"),
                refused("an absolute ZIP entry", () -> zip("alice", "bad", UploadFixtures.zipWithAbsoluteEntry()),
                        "has an unsafe path: it is an absolute path"),
                refused("a decompression bomb", () -> zip("alice", "bad", UploadFixtures.zipBomb()),
                        "unpacks to more than 100 times its compressed size"),
                refused("a non-image ZIP entry", () -> zip("alice", "bad", UploadFixtures.zipWithNonImage()),
                        "ZIP entry 'shapes/circle/notes.txt' is not an image"),
                refused("an undecodable image", () -> zip("alice", "bad", UploadFixtures.zipWithUndecodablePng()),
                        "ZIP entry 'shapes/cross/broken.png' is not a readable PNG or JPEG image"),
                refused("an image of the wrong size", () -> zip("alice", "bad", UploadFixtures.zipWithWrongSizePng()),
                        "is 16 pixels wide and 12 high; every image must be"),
                refused("an image outside a class folder", () -> zip("alice", "bad", UploadFixtures.zipWithTopLevelImage()),
                        "is not in a class folder"),
                refused("a file that is not a ZIP", () -> zip("alice", "bad", UploadFixtures.notAZip()),
                        "The file is not a ZIP archive"),
                refused("an unknown format", () -> upload("alice", "bad", Map.of("format", "parquet"), "file", "x.bin",
                        bytes("x")), "format: 'parquet' is not one of CSV, IDX, IMAGE_ZIP"),
                refused("an unreadable image shape", () -> upload("alice", "bad", Map.of("format", "IMAGE_ZIP",
                        "imageShape", "28x28"), "file", "x.zip", UploadFixtures.imageZip()),
                        "imageShape: write height x width x channels"),
                refused("split ratios that do not add up", () -> upload("alice", "bad", Map.of("labelColumn",
                        UploadFixtures.CSV_LABEL, "trainRatio", "0.9", "testRatio", "0.3"), "file", "x.csv",
                        bytes(UploadFixtures.validCsv())), "must add up to 1"),
                refused("a missing name", () -> upload("alice", " ", Map.of("labelColumn", UploadFixtures.CSV_LABEL),
                        "file", "x.csv", bytes(UploadFixtures.validCsv())), "Give the dataset a name"),
                refused("a missing file", () -> as("alice").multiPart("name", "nofile").multiPart("labelColumn", "x")
                        .post("/api/datasets").then(), "Attach the data as the multipart field 'file'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedUploads")
    void aMalformedUploadIsRefusedWithWhatAndWhereAndLeavesNothing(String what, Supplier<ValidatableResponse> upload,
            String message) {
        Footprint before = Footprint.now();
        upload.get().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("detail", containsString(message));
        before.assertUnchanged();
    }

    @Test
    void viewersReadButCannotUploadAndOtherTeamsSeeNothing() {
        long id = iris("alice", "iris-access", DatasetUploads.uniqueIris("access")).statusCode(201)
                .extract().jsonPath().getLong("id");
        as("dana").get("/api/datasets/{id}", id).then().statusCode(200);
        as("dana").get("/api/datasets/{id}/profile", id).then().statusCode(200);
        csv("dana", "dana-upload", UploadFixtures.CSV_LABEL, UploadFixtures.validCsv()).statusCode(403)
                .contentType("application/problem+json");
        as("dana").contentType("text/csv").body(bytes(UploadFixtures.validCsv())).queryParam("name", "d")
                .queryParam("labelColumn", UploadFixtures.CSV_LABEL).post("/api/datasets/stream").then().statusCode(403);
        for (String path : List.of("", "/profile", "/lineage", "/content")) {
            as("bob").get("/api/datasets/{id}" + path, id).then().statusCode(404)
                    .contentType("application/problem+json").body("detail", startsWith("Dataset version " + id));
        }
        as("bob").get("/api/datasets?archived=true&size=500").then().statusCode(200)
                .body("items.findAll { it.id == " + id + " }.size()", equalTo(0));
    }

    private static Arguments refused(String what, Supplier<ValidatableResponse> upload, String message) {
        return Arguments.of(what, upload, message);
    }

    private static ValidatableResponse csvUpload(String content) {
        return iris("alice", "bad", content);
    }

    private static ValidatableResponse idxUpload(UploadFixtures.IdxPair pair) {
        return idx("alice", "bad", pair.images(), pair.labels());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
