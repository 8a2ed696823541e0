package dev.temper.registry;

import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.storage.ArtifactStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the model page shows of the registry: a version's lineage, its aliases and its archive. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ModelPageService {

    private final ModelRegistryService models;
    private final ModelLineageRepository lineage;
    private final ArtifactStore store;

    ModelPageService(ModelRegistryService models, ModelLineageRepository lineage, ArtifactStore store) {
        this.models = models;
        this.lineage = lineage;
        this.store = store;
    }

    public Lineage lineage(CurrentUser user, long versionId) {
        ModelVersion version = models.get(user, versionId);
        List<ModelVersion> ancestors = new ArrayList<>();
        for (ModelVersion base = version.baseVersion; base != null && ancestors.size() < Lineage.MAX_ANCESTORS;
                base = base.baseVersion) {
            ancestors.add(base);
        }
        Collections.reverse(ancestors);
        return new Lineage(version, ancestors, lineage.derivedFrom(version, Lineage.MAX_DERIVED),
                lineage.countDerivedFrom(version));
    }

    /** The team aliases (production, ...) that point at the version. */
    public List<ModelAlias> aliasesOf(CurrentUser user, long versionId) {
        ModelVersion version = models.get(user, versionId);
        return models.aliases(user).stream().filter(a -> a.modelVersion.id.equals(version.id)).toList();
    }

    /** The SavedModel archive (a zip holding the model and its manifest.json) of a version of the user's teams. */
    public ModelArchive archive(CurrentUser user, long versionId) {
        ModelVersion version = models.get(user, versionId);
        try {
            return new ModelArchive(version.name + "-v" + version.version + ".zip", version.sha256.strip(),
                    store.size(version.artifactKey), store.open(version.artifactKey));
        } catch (NoSuchFileException e) {
            throw ProblemException.notFound("Archive of model version", versionId);
        } catch (IOException e) {
            throw new ProblemException(503, "Storage unavailable",
                    "The archive of " + version.label() + " cannot be read now; try again later");
        }
    }
}
