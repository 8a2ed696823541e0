package dev.temper.testsupport;

import dev.temper.engine.model.ExportedModel;
import dev.temper.engine.model.ModelArchive;
import dev.temper.engine.model.ModelManifest;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ModelVersionRepository;
import dev.temper.storage.ArtifactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Puts a really trained model behind a hand-made version row, as the registry stores one: a zip under a fresh key. */
public final class StoredModels {

    private StoredModels() {
    }

    public static void store(ArtifactStore store, ModelVersionRepository models, long id, String name, int version,
                             ExportedModel model) throws IOException {
        Path zip = Files.createTempDirectory("stored-model").resolve("model.zip");
        ModelArchive.zip(model.directory(), zip);
        String key = "models/team-a/" + UUID.randomUUID() + ".zip";
        store.put(key, zip);
        String manifest = Files.readString(model.directory().resolve(ModelManifest.FILE_NAME));
        QuarkusTransaction.requiringNew().run(() -> {
            ModelVersion row = models.findById(id);
            row.name = name;
            row.version = version;
            row.sha256 = model.sha256();
            row.artifactKey = key;
            row.manifestJson = manifest;
        });
    }
}
