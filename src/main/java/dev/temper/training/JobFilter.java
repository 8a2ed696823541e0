package dev.temper.training;

import dev.temper.contract.JobKind;

/** What a job list is narrowed to; a null field does not narrow it. */
public record JobFilter(JobState state, JobKind kind, Long datasetVersionId) {

    public static final JobFilter ALL = new JobFilter(null, null, null);
}
