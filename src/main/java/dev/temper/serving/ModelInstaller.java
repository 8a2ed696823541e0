package dev.temper.serving;

import dev.temper.base.problem.ProblemException;
import dev.temper.engine.model.ContentHash;
import dev.temper.engine.model.ModelArchive;
import dev.temper.registry.ModelVersion;
import dev.temper.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Unpacks a model version from the artifact store into a directory of its own and checks its files against the
 * hash recorded when it was registered: a model whose stored files were changed since is never served.
 */
@ApplicationScoped
class ModelInstaller {

    private static final Logger LOG = Logger.getLogger(ModelInstaller.class);

    private final ArtifactStore store;
    private final ServingConfig config;

    ModelInstaller(ArtifactStore store, ServingConfig config) {
        this.store = store;
        this.config = config;
    }

    Path install(ModelVersion version) {
        Path dir = config.cacheDir().resolve(version.id + "-" + UUID.randomUUID());
        Path zip = dir.resolveSibling(dir.getFileName() + ".zip");
        try {
            Files.createDirectories(dir);
            try (InputStream in = store.open(version.artifactKey)) {
                Files.copy(in, zip);
            }
            ModelArchive.unzip(zip, dir);
        } catch (IOException e) {
            remove(dir);
            LOG.errorf(e, "Cannot unpack %s for serving", version.label());
            throw new ProblemException(503, "Model unavailable", "The stored files of " + version.label()
                    + " cannot be read; it is not served");
        } finally {
            remove(zip);
        }
        String actual = ContentHash.of(dir);
        if (!actual.equals(version.sha256)) {
            remove(dir);
            throw new ProblemException(503, "Model unavailable", "The stored files of " + version.label()
                    + " do not match the hash recorded when it was registered (" + version.sha256 + ", now " + actual
                    + "); it is not served");
        }
        return dir;
    }

    /** Deletes an unpacked version once nothing serves it any more. */
    void remove(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + path, e);
        }
    }
}
