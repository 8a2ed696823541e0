package dev.temper.dataset;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.audit.AuditRefusals;
import dev.temper.base.Json;
import dev.temper.base.PlainText;
import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.derive.Derivation;
import dev.temper.dataset.derive.DerivationSummary;
import dev.temper.dataset.derive.Deriver;
import dev.temper.dataset.format.ImportLimits;
import dev.temper.dataset.profile.DatasetProfile;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.io.FileTrees;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.storage.ArtifactStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers dataset versions: uploads and versions derived from others. Everything is validated and
 * written to a local canonical file before anything is stored, and a failed registration removes what
 * it wrote, so there are no half-registered versions. Versions are immutable; they are archived, and
 * deleted only while nothing has used them.
 */
@ApplicationScoped
public class DatasetService {

    /** What a registration produced; {@code reused} when identical content was already registered. */
    public record Registration(DatasetVersion version, boolean reused) {
    }

    private final DatasetVersionRepository versions;
    private final VersionRegistrar registrar;
    private final ArtifactStore store;
    private final AuditLog audit;
    private final DatasetConfig config;

    DatasetService(DatasetVersionRepository versions, VersionRegistrar registrar, ArtifactStore store, AuditLog audit,
            DatasetConfig config) {
        this.versions = versions;
        this.registrar = registrar;
        this.store = store;
        this.audit = audit;
        this.config = config;
    }

    /**
     * The checks that need no upload (role, team, name), for a streamed body to pass before it is spooled: the
     * caller learns of a typo in the team before sending gigabytes, and the server stores nothing for a refusal.
     */
    @AuditRefusals(AuditAction.DATASET_REGISTER)
    public void requireMayRegister(CurrentUser user, String team, String name) {
        user.requireRole(Roles.ML_ENGINEER, "register datasets");
        user.teamFor(team);
        requireName(name);
    }

    @AuditRefusals(AuditAction.DATASET_REGISTER)
    public Registration register(CurrentUser user, UploadCommand command) {
        user.requireRole(Roles.ML_ENGINEER, "register datasets");
        String team = user.teamFor(command.team());
        String name = requireName(command.name());
        SplitPlan plan = command.splits() == null ? SplitPlan.DEFAULT : command.splits();
        if (command.format() == null) {
            throw ProblemException.badRequest("format: say which format the upload is in (CSV, IDX or IMAGE_ZIP)");
        }
        Path work = workDirectory();
        try {
            CanonicalFile canonical = UploadPipeline.canonicalise(command, limits(), work);
            EpsilonUnit unit = UploadParameters.epsilonUnitFor(canonical.header().kind(), command.epsilonUnit());
            return registrar.save(user, team, name, canonical, Origin.upload(command.format().name(),
                    uploadParameters(command, plan, unit)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot register the upload", e);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /** Derives a new version (cleaned, rebalanced, re-split, shifted) from one the user can see. */
    @AuditRefusals(AuditAction.DATASET_DERIVE)
    public Registration derive(CurrentUser user, long parentId, Derivation derivation) {
        user.requireRole(Roles.ML_ENGINEER, "derive dataset versions");
        DatasetVersion parent = get(user, parentId);
        requireCanonical(parent);
        Path work = workDirectory();
        try {
            DerivationSummary[] summary = new DerivationSummary[1];
            CanonicalFile canonical = CanonicalFile.write(work.resolve("canonical"), out -> {
                summary[0] = Deriver.derive(() -> store.open(parent.artifactKey), derivation, out);
                return summary[0].header();
            });
            if (canonical.header().sampleCount() == 0) {
                throw ProblemException.badRequest("The " + derivation.operation() + " leaves no samples of "
                        + parent.label() + "; nothing was registered");
            }
            return registrar.save(user, parent.team, parent.dataset.name, canonical, Origin.derived(parent,
                    derivation.operation(), derivation.parameters(), summary[0].description()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot derive from " + parent.label(), e);
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    @Transactional
    @AuditRefusals(AuditAction.DATASET_ARCHIVE)
    public DatasetVersion archive(CurrentUser user, long id) {
        user.requireRole(Roles.ML_ENGINEER, "archive dataset versions");
        DatasetVersion version = get(user, id);
        if (!version.archived()) {
            version.archivedAt = Instant.now();
            version.archivedBy = user.username();
            audit.record(user.username(), version.team, AuditAction.DATASET_ARCHIVE, version.id, version.label());
        }
        return version;
    }

    @Transactional
    @AuditRefusals(AuditAction.DATASET_RESTORE)
    public DatasetVersion restore(CurrentUser user, long id) {
        user.requireRole(Roles.ML_ENGINEER, "restore dataset versions");
        DatasetVersion version = get(user, id);
        if (version.archived()) {
            version.archivedAt = null;
            version.archivedBy = null;
            audit.record(user.username(), version.team, AuditAction.DATASET_RESTORE, version.id, version.label());
        }
        return version;
    }

    /** Deletes a version nothing has used; one a model was trained or evaluated on can only be archived. */
    @AuditRefusals(AuditAction.DATASET_DELETE)
    public void delete(CurrentUser user, long id) {
        user.requireRole(Roles.ML_ENGINEER, "delete dataset versions");
        String key = QuarkusTransaction.requiringNew().call(() -> {
            DatasetVersion version = get(user, id);
            if (versions.countUses(version) > 0) {
                throw ProblemException.conflict(version.label()
                        + " was used by jobs, models or evaluations; archive it instead of deleting it");
            }
            if (versions.countChildren(version) > 0) {
                throw ProblemException.conflict(version.label()
                        + " is the parent of derived versions; archive it to keep their lineage");
            }
            String artifact = version.artifactKey;
            boolean shared = versions.count("artifactKey = ?1 and id <> ?2", artifact, version.id) > 0;
            versions.delete(version);
            audit.record(user.username(), version.team, AuditAction.DATASET_DELETE, id,
                    version.label() + " sha256=" + version.sha256);
            return shared ? null : artifact;
        });
        if (key != null) {
            store.delete(key);
        }
    }

    /**
     * The rows {@code [offset, offset + limit)} of the current (not archived) versions, what new jobs may use, whose
     * label ("iris v3") contains {@code labelContains} (any case) when given: a picker's page, read while the user
     * types.
     */
    // A transaction of its own, like page: a picker fetches outside any request.
    @Transactional
    public List<DatasetVersion> current(CurrentUser user, String labelContains, int offset, int limit) {
        return versions.current(user.teams(), labelContains, offset, limit);
    }

    /**
     * One page of the user's teams' versions, archived ones included when asked for, narrowed to dataset names
     * containing {@code nameContains} when given; sorted by {@code sort} (name, created).
     */
    // A transaction of its own, not SUPPORTS: lazy grids fetch their pages while a push is written, outside
    // any request, where only a transaction gives Hibernate a session.
    @Transactional
    public Page<DatasetVersion> page(CurrentUser user, String nameContains, boolean includeArchived,
            PageRequest request, String sort) {
        return versions.page(user.teams(), nameContains, includeArchived, request, sort);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DatasetVersion get(CurrentUser user, long id) {
        return versions.getForTeams(id, user.teams(), "Dataset version");
    }

    /** The version and its ancestors, newest first. */
    @Transactional
    public List<DatasetVersion> lineage(CurrentUser user, long id) {
        List<DatasetVersion> chain = new ArrayList<>();
        for (DatasetVersion v = get(user, id); v != null; v = v.parent) {
            chain.add(v);
        }
        return chain;
    }

    public DatasetProfile profile(DatasetVersion version) {
        if (version.profileJson == null) {
            throw ProblemException.conflict(version.label() + " was registered before profiles existed; "
                    + "upload it again to profile it");
        }
        return Json.read(version.profileJson, DatasetProfile.class);
    }

    public InputStream openContent(DatasetVersion version) throws IOException {
        return store.open(version.artifactKey);
    }

    /** Versions written before the canonical binary format hold a split CSV that derivations cannot read. */
    public static void requireCanonical(DatasetVersion version) {
        if (!DatasetVersion.CANONICAL_FORMAT.equals(version.fileFormat)) {
            throw ProblemException.conflict(version.label() + " was registered in an older format; "
                    + "upload it again to clean, split or profile it");
        }
    }

    private ImportLimits limits() {
        return new ImportLimits(config.maxUnpackedBytes(), config.maxCompressionRatio(), config.maxEntries());
    }

    private static Map<String, Object> uploadParameters(UploadCommand command, SplitPlan plan, EpsilonUnit unit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (command.labelColumn() != null && !command.labelColumn().isBlank()) {
            parameters.put("labelColumn", command.labelColumn().strip());
        }
        if (command.idColumn() != null && !command.idColumn().isBlank()) {
            parameters.put("idColumn", command.idColumn().strip());
        }
        if (command.imageShape() != null) {
            parameters.put("imageShape", command.imageShape());
        }
        parameters.put("splits", plan);
        parameters.put(Origin.EPSILON_UNIT, unit.name());
        return parameters;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("Give the dataset a name");
        }
        String stripped = PlainText.requireName(name.strip(), "name");
        if (stripped.length() > Dataset.NAME_MAX_LENGTH) {
            throw ProblemException.badRequest("The name is longer than " + Dataset.NAME_MAX_LENGTH + " characters");
        }
        return stripped;
    }

    private static Path workDirectory() {
        try {
            return Files.createTempDirectory("temper-dataset-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a working directory", e);
        }
    }
}
