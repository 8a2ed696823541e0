package dev.temper.training.executor;

/**
 * What an executor needs to start the worker of one attempt at a job. The token is the attempt's own:
 * it stops working when the attempt ends, so a worker left over from an earlier attempt is refused.
 */
public record WorkerLaunch(long jobId, int attempt, String team, String token, JobResources resources,
                           int maxRuntimeMinutes) {

    @Override
    public String toString() {
        // Never log the token.
        return "WorkerLaunch[job " + jobId + ", attempt " + attempt + ", team " + team + ", " + resources + "]";
    }
}
