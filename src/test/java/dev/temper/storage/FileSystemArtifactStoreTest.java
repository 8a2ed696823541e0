package dev.temper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemArtifactStoreTest extends ArtifactStoreContractTest {

    @TempDir
    Path root;

    private FileSystemArtifactStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemArtifactStore(root);
    }

    @Override
    ArtifactStore store() {
        return store;
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
}
