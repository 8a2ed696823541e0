package dev.temper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The store against a real S3 server (S3Proxy in a child process), one fresh bucket per test. */
class S3ArtifactStoreTest extends ArtifactStoreContractTest {

    private static final long SMALLEST_PART = 5L * 1024 * 1024;

    @TempDir
    static Path serverDirectory;

    private static S3ProxyServer server;
    private static int buckets;

    private String bucket;
    private S3ArtifactStore store;

    @BeforeAll
    static void startServer() throws IOException {
        server = S3ProxyServer.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void createBucketAndStore() {
        bucket = "artifacts-" + ++buckets;
        server.createBucket(bucket);
        store = new S3ArtifactStore(server.settings(bucket));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Override
    ArtifactStore store() {
        return store;
    }

    @Test
    void aFileLargerThanAPartIsUploadedInParts() throws IOException {
        Path dataset = randomFile("parts.tds", 4 * SMALLEST_PART + 12_345, 21);
        try (S3ArtifactStore inParts = new S3ArtifactStore(server.settings(bucket), SMALLEST_PART);
                S3Client s3 = S3ArtifactStore.client(server.settings(bucket))) {
            inParts.put("datasets/team-a/parts.tds", dataset);

            assertThat(contentSha256("datasets/team-a/parts.tds")).isEqualTo(sha256(dataset));
            assertThat(inParts.size("datasets/team-a/parts.tds")).isEqualTo(4 * SMALLEST_PART + 12_345);
            // S3 marks the ETag of an object assembled from N parts with "-N".
            assertThat(s3.headObject(request -> request.bucket(bucket).key("datasets/team-a/parts.tds")).eTag())
                    .endsWith("-5\"");
        }
    }

    @Test
    void aMissingBucketIsNamedInTheError() throws IOException {
        Path model = randomFile("model.zip", 1000, 24);
        try (S3ArtifactStore nowhere = new S3ArtifactStore(server.settings("no-such-bucket"))) {

            assertThatThrownBy(() -> nowhere.put("models/team-a/model.zip", model))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no-such-bucket")
                    .hasMessageContaining("models/team-a/model.zip");
        }
    }
}
