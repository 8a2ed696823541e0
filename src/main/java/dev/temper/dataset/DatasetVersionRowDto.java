package dev.temper.dataset;

import dev.temper.contract.DataKind;
import dev.temper.contract.SplitPlan;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import java.time.Instant;
import java.util.List;

/**
 * A dataset version as a list row: counts instead of the feature names, class names, class counts and
 * operation parameters, which grow with the data and which {@code GET /api/datasets/{id}} answers.
 */
public record DatasetVersionRowDto(long id, String team, String name, int version, String sha256, DataKind kind,
        List<Integer> shape, String sourceFormat, int rowCount, String labelColumn, int classCount, SplitPlan splits,
        int trainCount, int validationCount, int testCount, int missingSamples, EpsilonUnit epsilonUnit,
        long sizeBytes, Long parentId, String operation, String description, boolean archived, Instant archivedAt,
        String archivedBy, String createdBy, Instant createdAt) {

    static DatasetVersionRowDto of(DatasetVersion v) {
        return new DatasetVersionRowDto(v.id, v.team, v.dataset.name, v.version, v.sha256, v.kind, v.shape(),
                v.sourceFormat, v.rowCount, v.labelColumn, v.classNames().size(), v.splitPlan(), v.trainCount,
                v.validationCount, v.testCount, v.missingSamples, v.epsilonUnit(), v.sizeBytes,
                v.parent == null ? null : v.parent.id, v.operation, v.description, v.archived(), v.archivedAt,
                v.archivedBy, v.createdBy, v.createdAt);
    }
}
