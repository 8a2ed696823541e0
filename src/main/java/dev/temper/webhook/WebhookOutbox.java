package dev.temper.webhook;

import dev.temper.approval.RequestDecided;
import dev.temper.base.Json;
import dev.temper.registry.AliasMoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Turns events into deliveries, one per webhook of the team that asked for the event, written in the event's own
 * transaction (the outbox): a decision that commits has its deliveries, one that rolls back has none, and a server
 * that dies before sending them sends them after its restart. Nothing is sent here; the decision never waits on a
 * receiver.
 */
@ApplicationScoped
class WebhookOutbox {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final Event<DeliveriesQueued> queued;

    WebhookOutbox(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, Event<DeliveriesQueued> queued) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onDecided(@Observes RequestDecided decided) {
        WebhookEvent.ofDecision(decided.request().state).ifPresent(event -> enqueue(decided.request().team, event,
                WebhookPayload.Decision.of(decided.request())));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void onAliasMoved(@Observes AliasMoved moved) {
        enqueue(moved.team(), WebhookEvent.ALIAS_MOVED, WebhookPayload.AliasMove.of(moved));
    }

    private void enqueue(String team, WebhookEvent event, Object data) {
        Instant now = Instant.now();
        String body = null;
        for (Webhook webhook : webhooks.ofTeam(team)) {
            if (!webhook.receives(event)) {
                continue;
            }
            if (body == null) {
                body = Json.write(new WebhookPayload(event.wireName(), team, now.toString(), data));
            }
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.webhook = webhook;
            delivery.event = event.wireName();
            delivery.payload = body;
            delivery.state = DeliveryState.PENDING;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            deliveries.persist(delivery);
        }
        if (body != null) {
            queued.fire(new DeliveriesQueued());
        }
    }
}
