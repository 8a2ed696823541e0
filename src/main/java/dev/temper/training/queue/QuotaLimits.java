package dev.temper.training.queue;

/**
 * What a team may hold at once: GPUs over all its running jobs, and running jobs. A quota of 0 GPUs still
 * lets the team run jobs that need no GPU.
 */
public record QuotaLimits(int maxGpus, int maxConcurrentJobs) {

    public static final int MAX_GPUS = 64;
    public static final int MAX_CONCURRENT_JOBS = 100;

    public QuotaLimits {
        if (maxGpus < 0 || maxGpus > MAX_GPUS) {
            throw new IllegalArgumentException("maxGpus: 0 to " + MAX_GPUS + ", not " + maxGpus);
        }
        if (maxConcurrentJobs < 1 || maxConcurrentJobs > MAX_CONCURRENT_JOBS) {
            throw new IllegalArgumentException("maxConcurrentJobs: 1 to " + MAX_CONCURRENT_JOBS + ", not "
                    + maxConcurrentJobs);
        }
    }
}
