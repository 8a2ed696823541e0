package dev.temper.approval;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Marks open requests past their policy's expiry as EXPIRED, every {@code temper.approval.expiry-sweep}. Until
 * the sweep gets to one, decisions on it are refused all the same (the service checks the time itself).
 */
@ApplicationScoped
class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final ApprovalService approvals;

    ExpirySweep(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Scheduled(every = "${temper.approval.expiry-sweep:1m}", delayed = "${temper.approval.expiry-sweep:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        int expired = approvals.expireDue(Instant.now());
        if (expired > 0) {
            LOG.infof("%d approval request(s) expired", expired);
        }
    }
}
