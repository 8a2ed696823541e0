package dev.temper.serving;

import dev.temper.base.http.BodyAllowance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** A prediction batch (rows of features, or one PNG) may be larger than other JSON, within reason. */
class PredictionBodies {

    static final long MAX_PREDICTION_BYTES = 16L * 1024 * 1024;

    @Produces
    @Singleton
    BodyAllowance predictionBatch() {
        return new BodyAllowance("POST", Pattern.compile("/api/serving/[^/]+/[^/]+/predict"), MAX_PREDICTION_BYTES,
                "a prediction request");
    }
}
