package dev.temper.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The senders' short transactions over the outbox: take a due delivery (under a lease), then record how its
 * attempt went. No transaction is open while a POST is in flight.
 */
@ApplicationScoped
@Transactional
class DeliveryLedger {

    /** A lease outlives the longest attempt by this much, so a slow attempt is not taken twice. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookAttemptRepository attempts;
    private final RetrySchedule retries;
    private final Duration lease;

    DeliveryLedger(WebhookDeliveryRepository deliveries, WebhookAttemptRepository attempts, WebhookConfig config) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.retries = RetrySchedule.of(config);
        this.lease = config.connectTimeout().plus(config.requestTimeout()).plus(LEASE_MARGIN);
    }

    /** The longest-waiting due delivery, leased to the caller for one attempt; empty when none is due. */
    Optional<Outgoing> takeDue(Instant now) {
        return deliveries.takeDue(now, now.plus(lease)).map(d -> new Outgoing(d.id, d.webhook.url, d.webhook.secret,
                d.event, d.payload, d.attempts + 1));
    }

    /** Records the attempt and decides what follows: done, another attempt later, or given up. */
    void record(Outgoing sent, AttemptOutcome outcome, Instant attemptedAt) {
        WebhookDelivery delivery = deliveries.findById(sent.deliveryId());
        if (delivery == null) {
            return; // its webhook was deleted meanwhile, and the deliveries with it
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.delivery = delivery;
        attempt.number = sent.attempt();
        attempt.attemptedAt = attemptedAt;
        attempt.statusCode = outcome.statusCode();
        attempt.error = outcome.error();
        attempt.durationMillis = outcome.durationMillis();
        attempts.persist(attempt);
        delivery.attempts = sent.attempt();
        Instant now = Instant.now();
        if (outcome.delivered()) {
            delivery.state = DeliveryState.DELIVERED;
            delivery.finishedAt = now;
        } else if (retries.retries(delivery.attempts)) {
            delivery.nextAttemptAt = now.plus(retries.delayAfter(delivery.attempts));
        } else {
            delivery.state = DeliveryState.FAILED;
            delivery.finishedAt = now;
        }
    }
}
