package dev.temper.webhook;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class WebhookAttemptRepository implements PanacheRepository<WebhookAttempt> {

    /** The attempts of these deliveries (one page of a list), in the order they were made. */
    List<WebhookAttempt> forDeliveries(Collection<Long> deliveryIds) {
        return deliveryIds.isEmpty() ? List.of() : list("delivery.id in ?1 order by id", deliveryIds);
    }
}
