package dev.temper.registry;

import dev.temper.dataset.DatasetVersion;

/** What a finished training job hands to the registry. */
public record NewModelVersion(String team, String name, String createdBy, String sha256, String artifactKey,
        String manifestJson, ModelVersion baseVersion, DatasetVersion datasetVersion, long jobId, String settingsJson) {
}
