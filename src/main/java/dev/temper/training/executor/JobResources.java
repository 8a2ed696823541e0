package dev.temper.training.executor;

/**
 * What a job's worker needs: GPUs (whole devices), CPU cores and memory. Executors turn these into
 * their own terms (Kubernetes requests and limits); the queue counts GPUs against team quotas.
 */
public record JobResources(int gpus, double cpu, int memoryMiB) {

    public static final int MAX_GPUS = 8;
    public static final JobResources DEFAULT = new JobResources(0, 1, 2048);

    public JobResources {
        if (gpus < 0 || gpus > MAX_GPUS) {
            throw new IllegalArgumentException("gpus: 0 to " + MAX_GPUS + ", not " + gpus);
        }
        if (!(cpu >= 0.1 && cpu <= 64)) {
            throw new IllegalArgumentException("cpu: 0.1 to 64 cores, not " + cpu);
        }
        if (memoryMiB < 256 || memoryMiB > 512 * 1024) {
            throw new IllegalArgumentException("memoryMiB: 256 to 524288, not " + memoryMiB);
        }
    }
}
