package dev.temper.dataset;

import dev.temper.engine.evaluation.threat.EpsilonUnit;
import java.util.Map;

/**
 * Where a new version's content came from: an upload (no parent) or an operation on a parent version.
 * Recorded with the version as its lineage.
 */
record Origin(DatasetVersion parent, String sourceFormat, String operation, Map<String, Object> parameters,
        String description) {

    static final String UPLOAD = "upload";
    /** The upload parameter that holds the declared unit of epsilon; derived versions take their parent's. */
    static final String EPSILON_UNIT = "epsilonUnit";

    EpsilonUnit epsilonUnit() {
        if (parent != null) {
            return parent.epsilonUnit();
        }
        Object declared = parameters.get(EPSILON_UNIT);
        return declared == null ? EpsilonUnit.TRAIN_STD : EpsilonUnit.valueOf(declared.toString());
    }

    static Origin upload(String sourceFormat, Map<String, Object> parameters) {
        return new Origin(null, sourceFormat, UPLOAD, parameters, null);
    }

    static Origin derived(DatasetVersion parent, String operation, Map<String, Object> parameters, String description) {
        return new Origin(parent, null, operation, parameters, description);
    }
}
