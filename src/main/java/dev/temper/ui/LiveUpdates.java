package dev.temper.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.temper.base.LiveEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Re-reads a page when a {@link LiveEvent} it cares about has committed, for as long as the page is attached.
 * Events are delivered after the transaction that fired them succeeds (at once when none was active), so what a
 * page re-reads is what is stored. Features fire their own event types; this package knows none of them.
 */
@ApplicationScoped
public class LiveUpdates {

    private final Set<Consumer<LiveEvent>> listeners = new CopyOnWriteArraySet<>();

    /**
     * @param type     the event type the page follows
     * @param relevant filters events, e.g. to the user's teams
     * @param refresh  re-reads the page; runs with the UI locked
     */
    public <E extends LiveEvent> void bind(Component page, Class<E> type, Predicate<E> relevant, Runnable refresh) {
        page.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Consumer<LiveEvent> listener = event -> {
                if (type.isInstance(event) && relevant.test(type.cast(event))) {
                    // Events arrive on the thread that committed; UI.access may run the refresh right
                    // there, so hand it to a worker thread to keep the committing thread free.
                    Infrastructure.getDefaultWorkerPool().execute(() -> accessQuietly(ui, refresh));
                }
            };
            listeners.add(listener);
            page.addDetachListener(detach -> {
                listeners.remove(listener);
                detach.unregisterListener();
            });
        });
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) LiveEvent event) {
        listeners.forEach(listener -> listener.accept(event));
    }

    private static void accessQuietly(UI ui, Runnable refresh) {
        try {
            ui.access(() -> inRequestContext(refresh));
        } catch (UIDetachedException closedMeanwhile) {
            // The user left; nothing to update.
        }
    }

    /** Services read through Hibernate sessions, which need a request context outside HTTP requests. */
    static void inRequestContext(Runnable action) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            action.run();
            return;
        }
        requestContext.activate();
        try {
            action.run();
        } finally {
            requestContext.terminate();
        }
    }
}
