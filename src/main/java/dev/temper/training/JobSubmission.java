package dev.temper.training;

import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.engine.strategy.TrainingStrategy;

/**
 * A request to train, typed and already shaped (each strategy part validated by the engine's records):
 * PRETRAIN needs a dataset version and optionally an architecture (default MLP [32, 16]); FINETUNE also
 * needs a base model version and keeps its architecture. {@code team} is needed only by users of several
 * teams.
 */
public record JobSubmission(JobKind kind, String modelName, Long datasetVersionId, Long baseModelVersionId,
        ArchitectureSpec architecture, TrainingStrategy strategy, String team, JobScheduling scheduling) {

    public static final int MODEL_NAME_MAX_LENGTH = 120;
}
