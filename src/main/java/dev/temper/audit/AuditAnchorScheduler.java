package dev.temper.audit;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Anchors the chain every {@code temper.audit.anchor-interval}, when entries were added since the last anchor. */
@ApplicationScoped
class AuditAnchorScheduler {

    private static final Logger LOG = Logger.getLogger(AuditAnchorScheduler.class);

    private final AuditAnchorService anchors;
    private final AuditConfig config;
    private final Scheduler scheduler;

    AuditAnchorScheduler(AuditAnchorService anchors, AuditConfig config, Scheduler scheduler) {
        this.anchors = anchors;
        this.config = config;
        this.scheduler = scheduler;
    }

    void start(@Observes StartupEvent started) {
        scheduler.newJob("audit-anchor")
                .setInterval(config.anchorInterval().toSeconds() + "s")
                .setDelayed(config.anchorInterval().toSeconds() + "s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(new Scheduled.ApplicationNotRunning())
                .setTask(execution -> anchor())
                .schedule();
    }

    private void anchor() {
        try {
            anchors.anchorIfChanged().ifPresent(a -> LOG.infof("Audit chain anchored at seq %d as %s",
                    a.lastSeq, a.artifactKey));
        } catch (RuntimeException failed) {
            // The next interval tries again; a failed anchor must not stop the schedule.
            LOG.error("Cannot anchor the audit chain", failed);
        }
    }
}
