package dev.temper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreTest extends ArtifactStoreContractTest {

    @TempDir
    Path root;

    private FileSystemArtifactStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemArtifactStore(root, 0);
    }

    @Override
    ArtifactStore store() {
        return store;
    }

    @Test
    void aStoreWhoseDirectoryCannotBeMadeIsNotReady() throws IOException {
        Path notADirectory = Files.writeString(root.resolve("a-file"), "x");
        ArtifactStoreHealth broken = new ArtifactStoreHealth(new FileSystemArtifactStore(notADirectory.resolve("store"), 0));
        assertThat(broken.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(new ArtifactStoreHealth(store).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void anArtifactIsAFileUnderTheRoot() throws IOException {
        Path model = randomFile("model.zip", 5000, 11);

        store.put("models/team-a/model.zip", model);

        assertThat(root.resolve("models/team-a/model.zip")).hasSameBinaryContentAs(model);
    }

    @Test
    void aFailedPutLeavesNothingBehind() throws IOException {
        Path missing = files.resolve("not-written.csv");

        assertThatThrownBy(() -> store.put("datasets/team-a/x.csv", missing)).isInstanceOf(NoSuchFileException.class);

        assertThat(store.exists("datasets/team-a/x.csv")).isFalse();
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aWriteThatWouldEatIntoTheReserveIsRefusedBeforeItsFirstByte() throws IOException {
        Path model = randomFile("model.zip", 5000, 12);
        // The volume has 10,000 bytes left and the store keeps 6,000 of them free: 5,000 more do not fit.
        var full = new FileSystemArtifactStore(root, 6000, directory -> 10_000);

        assertThatThrownBy(() -> full.put("models/team-a/model.zip", model))
                .isInstanceOf(ArtifactStoreFullException.class)
                .hasMessageContaining("The artifact store is full")
                .satisfies(e -> assertThat(((ArtifactStoreFullException) e).status()).isEqualTo(507));

        assertThat(full.exists("models/team-a/model.zip")).isFalse();
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
        // Exactly at the reserve still fits.
        new FileSystemArtifactStore(root, 5000, directory -> 10_000).put("models/team-a/model.zip", model);
        assertThat(root.resolve("models/team-a/model.zip")).hasSameBinaryContentAs(model);
    }

    @Test
    void theRealVolumeIsMeasured() throws IOException {
        Path file = randomFile("x.bin", 10, 13);
        long free = Files.getFileStore(root).getUsableSpace();

        assertThatThrownBy(() -> new FileSystemArtifactStore(root, free + (1L << 30)).put("datasets/team-a/x.bin", file))
                .isInstanceOf(ArtifactStoreFullException.class);
        new FileSystemArtifactStore(root, 0).put("datasets/team-a/x.bin", file);
        assertThat(store.exists("datasets/team-a/x.bin")).isTrue();
    }
}
