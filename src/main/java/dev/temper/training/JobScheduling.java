package dev.temper.training;

import dev.temper.training.executor.JobResources;

/**
 * How a job is queued and run, beside what it trains: its priority within the team (0-100, higher first),
 * the resources it needs, how long it may run, and how often Temper may start it again after its worker
 * was lost.
 */
public record JobScheduling(int priority, JobResources resources, int maxRuntimeMinutes, int maxRetries) {

    public static final int DEFAULT_PRIORITY = 50;
    public static final int MAX_RUNTIME_MINUTES = 7 * 24 * 60;
    public static final int MAX_RETRIES = 10;
    public static final JobScheduling DEFAULT = new JobScheduling(DEFAULT_PRIORITY, JobResources.DEFAULT, 120, 2);

    public JobScheduling {
        if (priority < 0 || priority > 100) {
            throw new IllegalArgumentException("priority: 0 to 100 (higher runs first), not " + priority);
        }
        if (resources == null) {
            resources = JobResources.DEFAULT;
        }
        if (maxRuntimeMinutes < 1 || maxRuntimeMinutes > MAX_RUNTIME_MINUTES) {
            throw new IllegalArgumentException("maxRuntimeMinutes: 1 to " + MAX_RUNTIME_MINUTES + ", not "
                    + maxRuntimeMinutes);
        }
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw new IllegalArgumentException("maxRetries: 0 to " + MAX_RETRIES + ", not " + maxRetries);
        }
    }
}
