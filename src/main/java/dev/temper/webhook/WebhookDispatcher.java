package dev.temper.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries: right after the transaction that queued some commits (on a thread of its own, so the
 * committing request does not wait), and every {@code temper.webhooks.poll-interval} for retries and for what a
 * stopped server left. Senders on several threads or replicas take different deliveries (see
 * {@link WebhookDeliveryRepository#takeDue}).
 */
@ApplicationScoped
class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Deliveries one run sends at most, so one run cannot go on forever; the next run takes the rest. */
    private static final int MAX_PER_RUN = 200;

    private final DeliveryLedger ledger;
    private final WebhookSender sender;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });

    WebhookDispatcher(DeliveryLedger ledger, WebhookSender sender) {
        this.ledger = ledger;
        this.sender = sender;
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveriesQueued queued) {
        afterCommit.execute(this::sendDueLogged);
    }

    @Scheduled(every = "${temper.webhooks.poll-interval:5s}", delayed = "${temper.webhooks.poll-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        sendDueLogged();
    }

    /** Sends what is due now, one delivery at a time; returns how many attempts were made. */
    int sendDue() {
        int sent = 0;
        while (sent < MAX_PER_RUN) {
            Optional<Outgoing> next = ledger.takeDue(Instant.now());
            if (next.isEmpty()) {
                break;
            }
            Instant attemptedAt = Instant.now();
            AttemptOutcome outcome = sender.send(next.get());
            ledger.record(next.get(), outcome, attemptedAt);
            if (!outcome.delivered()) {
                LOG.infof("Webhook %s not delivered: %s", next.get(),
                        outcome.statusCode() == null ? outcome.error() : "HTTP " + outcome.statusCode());
            }
            sent++;
        }
        return sent;
    }

    private void sendDueLogged() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The deliveries stay in the outbox; the next poll tries again.
            LOG.error("Sending webhook deliveries failed", e);
        }
    }

    @PreDestroy
    void stop() {
        afterCommit.shutdownNow();
    }
}
