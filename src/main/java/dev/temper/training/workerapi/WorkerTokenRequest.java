package dev.temper.training.workerapi;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A worker's claim to be the current attempt of one job: the job id from the path, the token from its header. */
final class WorkerTokenRequest extends BaseAuthenticationRequest {

    private final long jobId;
    private final String token;

    WorkerTokenRequest(long jobId, String token) {
        this.jobId = jobId;
        this.token = token;
    }

    long jobId() {
        return jobId;
    }

    String token() {
        return token;
    }
}
