package dev.temper.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Records changes. {@link #record} joins the caller's transaction, so an entry exists if and only if
 * the change it describes committed; {@link #recordRefusal} writes on its own, because a refused
 * action rolls back but must still leave a trace.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SUCCESS = "SUCCESS";
    public static final String DENIED = "DENIED";
    /** The actor of what a job's worker did (start, results, model, evaluation): never the person who asked. */
    public static final String WORKER_ACTOR_PREFIX = "worker:job-";

    private final AuditRepository repository;

    AuditLog(AuditRepository repository) {
        this.repository = repository;
    }

    /** The actor name of the worker of this job. */
    public static String workerActor(long jobId) {
        return WORKER_ACTOR_PREFIX + jobId;
    }

    /** Records a change to the object with this id, of the type the action is about. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String team, AuditAction action, Object objectId, String details) {
        append(actor, team, action, objectId, SUCCESS, details);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(String actor, String team, AuditAction action, Object objectId, String reason) {
        append(actor, team, action, objectId, DENIED, reason);
    }

    private void append(String actor, String team, AuditAction action, Object objectId, String outcome,
            String details) {
        repository.lockChain();
        AuditEntry head = repository.head().orElse(null);
        AuditEntry entry = new AuditEntry();
        entry.id = repository.nextId();
        entry.seq = head == null ? 1 : head.seq + 1;
        // Microseconds: what PostgreSQL keeps, so the hash can be recomputed from the stored row.
        entry.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entry.actor = actor;
        entry.team = team;
        entry.action = action.storedName();
        entry.objectType = action.objectType().storedName();
        entry.objectId = objectId == null ? null : objectId.toString();
        entry.outcome = outcome;
        entry.details = details;
        entry.prevHash = head == null ? AuditChain.GENESIS : head.hash;
        entry.hash = AuditChain.hash(entry);
        repository.persist(entry);
    }
}
