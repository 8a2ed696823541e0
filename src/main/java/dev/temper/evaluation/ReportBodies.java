package dev.temper.evaluation;

import dev.temper.base.http.BodyAllowance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * An evaluation worker's report carries every test example's outcome and a strip of images, base64: a few MiB
 * for a large test split, so more than the JSON limit, and still bounded.
 */
class ReportBodies {

    static final long MAX_REPORT_BYTES = 64L * 1024 * 1024;

    @Produces
    @Singleton
    BodyAllowance evaluationReport() {
        return new BodyAllowance("POST", Pattern.compile("/api/worker/jobs/\\d+/evaluation"), MAX_REPORT_BYTES,
                "an evaluation report");
    }
}
