package dev.temper.dataset;

import dev.temper.audit.AuditAction;
import dev.temper.audit.AuditLog;
import dev.temper.base.Json;
import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.DatasetService.Registration;
import dev.temper.dataset.profile.DatasetProfile;
import dev.temper.dataset.profile.DatasetProfiler;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.security.CurrentUser;
import dev.temper.storage.ArtifactStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a validated canonical file into a version: reuses the version that already holds the same
 * content, otherwise profiles the file, stores it under its hash and records the version with its origin
 * and an audit entry. A failure after the file was stored removes it again.
 */
@ApplicationScoped
class VersionRegistrar {

    private final DatasetRepository datasets;
    private final DatasetVersionRepository versions;
    private final ArtifactStore store;
    private final AuditLog audit;
    private final MeterRegistry meters;

    VersionRegistrar(DatasetRepository datasets, DatasetVersionRepository versions, ArtifactStore store,
            AuditLog audit, MeterRegistry meters) {
        this.meters = meters;
        this.datasets = datasets;
        this.versions = versions;
        this.store = store;
        this.audit = audit;
    }

    Registration save(CurrentUser user, String team, String name, CanonicalFile canonical, Origin origin)
            throws IOException {
        var existing = QuarkusTransaction.requiringNew().call(() -> versions.findByContent(team, canonical.sha256()));
        if (existing.isPresent()) {
            return new Registration(existing.get(), true);
        }
        DatasetProfile profile;
        try (InputStream in = Files.newInputStream(canonical.path())) {
            profile = DatasetProfiler.profile(in);
        }
        // Content-addressed: a file left by an earlier, rolled-back attempt holds the same bytes.
        String key = "datasets/" + team + "/" + canonical.sha256() + ".tds";
        boolean written = !store.exists(key);
        if (written) {
            store.put(key, canonical.path());
        }
        try {
            DatasetVersion version = QuarkusTransaction.requiringNew().call(() ->
                    persist(user, team, name, canonical, key, profile, origin));
            // Counted once committed: a registration that rolled back registered nothing.
            meters.counter("temper.datasets.registered", "team", team, "origin",
                    origin.parent() == null ? "upload" : "derivation").increment();
            return new Registration(version, false);
        } catch (RuntimeException e) {
            if (written) {
                store.delete(key);
            }
            throw e;
        }
    }

    private DatasetVersion persist(CurrentUser user, String team, String name, CanonicalFile canonical, String key,
            DatasetProfile profile, Origin origin) {
        Dataset dataset = datasets.findByTeamAndName(team, name).orElseGet(() -> {
            Dataset created = new Dataset();
            created.team = team;
            created.name = name;
            created.createdBy = user.username();
            created.createdAt = Instant.now();
            datasets.persist(created);
            return created;
        });
        DatasetHeader header = canonical.header();
        DatasetVersion version = new DatasetVersion();
        version.dataset = dataset;
        version.team = team;
        version.version = versions.latestVersion(dataset) + 1;
        version.sha256 = canonical.sha256();
        version.artifactKey = key;
        version.fileFormat = DatasetVersion.CANONICAL_FORMAT;
        version.sizeBytes = canonical.sizeBytes();
        version.kind = header.kind();
        version.shapeJson = Json.write(header.shape());
        version.rowCount = header.sampleCount();
        version.featureNamesJson = Json.write(header.featureNames());
        version.labelColumn = origin.parent() != null ? origin.parent().labelColumn
                : (String) origin.parameters().get("labelColumn");
        version.classNamesJson = Json.write(header.classNames());
        Map<String, Integer> classCounts = new LinkedHashMap<>();
        profile.classes().forEach(c -> classCounts.put(c.name(), c.count()));
        version.classCountsJson = Json.write(classCounts);
        SplitPlan plan = header.splits();
        version.splitSeed = plan.seed();
        version.trainRatio = plan.train();
        version.validationRatio = plan.validation();
        version.testRatio = plan.test();
        version.trainCount = profile.splitCounts().get(Split.TRAIN.wireName());
        version.validationCount = profile.splitCounts().get(Split.VALIDATION.wireName());
        version.testCount = profile.splitCounts().get(Split.TEST.wireName());
        version.missingSamples = profile.missing().samplesWithMissing();
        version.epsilonUnit = header.kind() == DataKind.IMAGE
                ? EpsilonUnit.PIXELS : origin.epsilonUnit();
        version.profileJson = Json.write(profile);
        version.parent = origin.parent() == null ? null : versions.findById(origin.parent().id);
        version.sourceFormat = origin.sourceFormat();
        version.operation = origin.operation();
        version.operationParamsJson = Json.write(origin.parameters());
        version.description = origin.description();
        version.createdBy = user.username();
        version.createdAt = Instant.now();
        versions.persist(version);
        AuditAction action = origin.parent() == null ? AuditAction.DATASET_REGISTER : AuditAction.DATASET_DERIVE;
        String detail = version.label() + " sha256=" + version.sha256 + " samples=" + version.rowCount
                + (origin.parent() == null ? " format=" + origin.sourceFormat()
                        : " from " + origin.parent().label() + " by " + origin.operation() + " " + version.operationParamsJson);
        audit.record(user.username(), team, action, version.id, detail);
        return version;
    }
}
