package dev.temper.dataset;

import dev.temper.contract.DataKind;
import dev.temper.contract.SplitPlan;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset version as the API shows it; {@code reused} answers an upload of content already registered.
 * {@code epsilonUnit} is what one unit of an attack's epsilon means on it (PIXELS, TRAIN_STD or RAW_FEATURES).
 */
public record DatasetVersionDto(long id, String team, String name, int version, String sha256, DataKind kind,
        List<Integer> shape, String sourceFormat, int rowCount, List<String> featureNames, String labelColumn,
        List<String> classNames, Map<String, Integer> classCounts, SplitPlan splits, long splitSeed, int trainCount,
        int validationCount, int testCount, int missingSamples, EpsilonUnit epsilonUnit, long sizeBytes, Long parentId, String operation,
        Map<String, Object> parameters, String description, boolean archived, Instant archivedAt, String archivedBy,
        String createdBy, Instant createdAt, boolean reused) {

    static DatasetVersionDto of(DatasetVersion v, boolean reused) {
        return new DatasetVersionDto(v.id, v.team, v.dataset.name, v.version, v.sha256, v.kind, v.shape(),
                v.sourceFormat, v.rowCount, v.featureNames(), v.labelColumn, v.classNames(), v.classCounts(),
                v.splitPlan(), v.splitSeed, v.trainCount, v.validationCount, v.testCount, v.missingSamples, v.epsilonUnit(), v.sizeBytes,
                v.parent == null ? null : v.parent.id, v.operation, v.operationParams(), v.description, v.archived(),
                v.archivedAt, v.archivedBy, v.createdBy, v.createdAt, reused);
    }
}
