package dev.temper.training.queue;

import java.time.Instant;

/**
 * A team's limits and what it uses of them now. {@code custom} is false for a team on the configured
 * defaults (then {@code updatedBy} and {@code updatedAt} are null).
 */
public record TeamQuotaStatus(String team, int maxGpus, int maxConcurrentJobs, boolean custom, String updatedBy,
        Instant updatedAt, int gpusInUse, int jobsRunning, int jobsQueued) {
}
