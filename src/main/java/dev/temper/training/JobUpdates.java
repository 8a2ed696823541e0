package dev.temper.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Tells open views that a job changed, once the change has committed, so that what they re-read is
 * what is stored. Listeners must be quick and must not block (views hand over to UI.access).
 */
@ApplicationScoped
public class JobUpdates {

    private final Set<Consumer<JobUpdated>> listeners = new CopyOnWriteArraySet<>();

    public Runnable subscribe(Consumer<JobUpdated> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobUpdated update) {
        listeners.forEach(listener -> listener.accept(update));
    }
}
