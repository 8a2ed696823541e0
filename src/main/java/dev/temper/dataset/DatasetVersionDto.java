package dev.temper.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A dataset version as the API shows it. */
public record DatasetVersionDto(long id, String team, String name, int version, String sha256, int rowCount,
        List<String> featureNames, String labelColumn, Map<String, Integer> classCounts, long splitSeed,
        int trainCount, int validationCount, int testCount, String createdBy, Instant createdAt, boolean reused) {

    static DatasetVersionDto of(DatasetVersion v, boolean reused) {
        return new DatasetVersionDto(v.id, v.team, v.dataset.name, v.version, v.sha256, v.rowCount, v.featureNames(),
                v.labelColumn, v.classCounts(), v.splitSeed, v.trainCount, v.validationCount, v.testCount,
                v.createdBy, v.createdAt, reused);
    }
}
