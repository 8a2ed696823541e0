package dev.temper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.testsupport.ConfigMappings;
import io.smallrye.config.ConfigValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which store the temper.storage.* properties select, and what a wrong configuration is told. */
class ArtifactStoreProducerTest {

    @TempDir
    Path directory;

    @Test
    void theFileSystemStoreIsTheDefault() throws IOException {
        Path artifact = Files.writeString(directory.resolve("a.csv"), "x,y\n1,2\n");
        Path root = directory.resolve("artifacts");

        ArtifactStore store = create(Map.of("temper.storage.root", root.toString()));
        store.put("datasets/t/a.csv", artifact);

        assertThat(store).isInstanceOf(FileSystemArtifactStore.class);
        assertThat(root.resolve("datasets/t/a.csv")).hasSameTextualContentAs(artifact);
    }

    @Test
    void theS3PropertiesOfTheTestResourceSelectAWorkingS3Store() throws Exception {
        Path artifact = Files.writeString(directory.resolve("a.csv"), "x,y\n1,2\n");
        S3TestResource resource = new S3TestResource();
        try {
            Map<String, String> properties = new HashMap<>(resource.start());
            properties.put("temper.storage.root", directory.resolve("unused").toString());

            try (S3ArtifactStore store = (S3ArtifactStore) create(properties)) {
                store.put("datasets/t/a.csv", artifact);
                try (InputStream in = store.open("datasets/t/a.csv")) {
                    assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(artifact));
                }
            }
        } finally {
            resource.stop();
        }
    }

    @Test
    void anS3StoreNeedsABucket() {
        assertThatThrownBy(() -> create(Map.of("temper.storage.type", "s3")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("temper.storage.s3.bucket must be set when temper.storage.type is s3");
    }

    @Test
    void anAccessKeyNeedsItsSecret() {
        assertThatThrownBy(() -> create(Map.of("temper.storage.type", "s3", "temper.storage.s3.bucket", "b",
                "temper.storage.s3.access-key", "AKIAEXAMPLE")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("temper.storage.s3.secret-key");
    }

    @Test
    void pathStyleIsTrueOrFalse() {
        assertThatThrownBy(() -> create(Map.of("temper.storage.type", "s3", "temper.storage.s3.bucket", "b",
                "temper.storage.s3.path-style", "yes")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("temper.storage.s3.path-style")
                .hasMessageContaining("'yes' is neither true nor false");
        assertThat(ConfigMappings.load(StorageConfig.class, Map.of("temper.storage.s3.path-style", " False"))
                .s3().pathStyle()).isFalse();
    }

    @Test
    void anUnknownStoreTypeIsNamed() {
        assertThatThrownBy(() -> create(Map.of("temper.storage.type", "gcs")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContainingAll("temper.storage.type", "\"gcs\"", "allowed values: ")
                .hasMessageContainingAll("filesystem", "s3");
    }

    @Test
    void theFileSystemStoreNeedsARoot() {
        assertThatThrownBy(() -> create(Map.of("temper.storage.root", "")))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("temper.storage.root");
    }

    @Test
    void withoutPropertiesTheStoreIsTheDirectoryTheServerUses() {
        StorageConfig defaults = ConfigMappings.load(StorageConfig.class, Map.of());

        assertThat(defaults.type()).isEqualTo(StorageConfig.Type.FILESYSTEM);
        assertThat(defaults.root()).isEqualTo(Path.of("data/artifacts"));
        assertThat(defaults.s3().region()).isEqualTo("us-east-1");
        assertThat(defaults.s3().pathStyle()).isTrue();
    }

    private static ArtifactStore create(Map<String, String> properties) {
        return ArtifactStoreProducer.create(ConfigMappings.load(StorageConfig.class, properties));
    }
}
