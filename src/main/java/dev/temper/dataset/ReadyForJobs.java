package dev.temper.dataset;

import dev.temper.base.PolicyDecision;

/**
 * Whether a dataset version may be used by a new job (training, fine-tuning or evaluation): archived versions
 * are kept for the record but take no new work, and samples with missing values must be cleaned first.
 */
public final class ReadyForJobs {

    private ReadyForJobs() {
    }

    public static PolicyDecision check(DatasetVersion dataset) {
        if (dataset.archived()) {
            return PolicyDecision.reject(dataset.label() + " is archived; restore it or choose a current version");
        }
        if (dataset.missingSamples > 0) {
            return PolicyDecision.reject(dataset.label() + " has " + dataset.missingSamples + " samples with missing "
                    + "values; derive a cleaned version first (drop-missing or impute-missing)");
        }
        return PolicyDecision.allow();
    }
}
