package dev.temper.training.executor.kubernetes;

/**
 * What Kubernetes' view of a worker means for its job: nothing, still waiting (and why), failed for good,
 * or lost (to be retried). The reason is shown to users as it is.
 */
public record WorkerDecision(Outcome outcome, String reason) {

    public enum Outcome { NONE, WAITING, FAILED, LOST }

    public static final WorkerDecision NONE = new WorkerDecision(Outcome.NONE, "");

    static WorkerDecision waiting(String reason) {
        return new WorkerDecision(Outcome.WAITING, reason);
    }

    static WorkerDecision failed(String reason) {
        return new WorkerDecision(Outcome.FAILED, reason);
    }

    static WorkerDecision lost(String reason) {
        return new WorkerDecision(Outcome.LOST, reason);
    }
}
