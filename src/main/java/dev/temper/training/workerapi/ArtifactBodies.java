package dev.temper.training.workerapi;

import dev.temper.base.http.BodyAllowance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/** A worker's checkpoints and exported models: zips that spool to disk and are checked there. */
class ArtifactBodies {

    @Produces
    @Singleton
    BodyAllowance checkpoint() {
        return new BodyAllowance("PUT", Pattern.compile("/api/worker/jobs/\\d+/checkpoint"), BodyAllowance.STREAMED,
                "a checkpoint");
    }

    @Produces
    @Singleton
    BodyAllowance model() {
        return new BodyAllowance("POST", Pattern.compile("/api/worker/jobs/\\d+/model"), BodyAllowance.STREAMED,
                "an exported model");
    }
}
