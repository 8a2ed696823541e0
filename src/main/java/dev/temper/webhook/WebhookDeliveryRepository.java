package dev.temper.webhook;

import dev.temper.base.paging.Page;
import dev.temper.base.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepository<WebhookDelivery> {

    /** One page of a webhook's deliveries, newest first. */
    Page<WebhookDelivery> page(Webhook webhook, PageRequest request) {
        List<WebhookDelivery> items = find("webhook = ?1 order by id desc", webhook)
                .range((int) request.offset(), (int) request.offset() + request.size() - 1).list();
        return Page.of(items, request, count("webhook", webhook));
    }

    /**
     * Takes the longest-waiting due delivery for one attempt: its row is locked, skipping rows another sender has
     * locked, and its next attempt moved to {@code leaseUntil}, so no other sender (another server replica
     * included) takes it while this one sends. If this sender dies, the delivery is due again when the lease ends.
     */
    Optional<WebhookDelivery> takeDue(Instant now, Instant leaseUntil) {
        @SuppressWarnings("unchecked")
        List<Number> ids = getEntityManager().createNativeQuery("select id from webhook_delivery"
                        + " where state = 'PENDING' and next_attempt_at <= ?1"
                        + " order by next_attempt_at, id limit 1 for update skip locked")
                .setParameter(1, now).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        WebhookDelivery delivery = findById(ids.get(0).longValue());
        delivery.nextAttemptAt = leaseUntil;
        return Optional.of(delivery);
    }
}
