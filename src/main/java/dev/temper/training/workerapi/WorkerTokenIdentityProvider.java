package dev.temper.training.workerapi;

import dev.temper.training.JobTokens;
import dev.temper.training.TrainingJobRepository;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

/**
 * Checks a job token against the stored hash of the job's current attempt. Only the hash is compared here; whether
 * the attempt may still report (its state) is the service's to say, with a 409 that tells the worker why.
 */
@ApplicationScoped
public class WorkerTokenIdentityProvider implements IdentityProvider<WorkerTokenRequest> {

    /** The role of an authenticated worker; no person has it. */
    public static final String WORKER_ROLE = "worker";

    private final TrainingJobRepository jobs;

    WorkerTokenIdentityProvider(TrainingJobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public Class<WorkerTokenRequest> getRequestType() {
        return WorkerTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(WorkerTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identity(request));
    }

    @ActivateRequestContext
    @Transactional
    SecurityIdentity identity(WorkerTokenRequest request) {
        String tokenHash = jobs.findByIdOptional(request.jobId()).map(job -> job.tokenHash).orElse(null);
        if (!JobTokens.matches(request.token(), tokenHash)) {
            throw new AuthenticationFailedException("Invalid job token");
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("worker of job " + request.jobId()))
                .addRole(WORKER_ROLE)
                .build();
    }
}
