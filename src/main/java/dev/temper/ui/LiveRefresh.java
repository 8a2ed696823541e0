package dev.temper.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Re-reads a view when the server announces a relevant change, for as long as the view is attached.
 * Generic over the event type so that this package does not depend on any feature.
 */
public final class LiveRefresh {

    private LiveRefresh() {
    }

    /**
     * @param subscribe registers a listener and returns the action that removes it
     * @param relevant  filters events, e.g. to the user's teams
     * @param refresh   re-reads the view; runs with the UI locked
     */
    public static <E> void bind(Component view, Function<Consumer<E>, Runnable> subscribe, Predicate<E> relevant,
            Runnable refresh) {
        view.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable unsubscribe = subscribe.apply(event -> {
                if (relevant.test(event)) {
                    // Announcements arrive on the thread that committed; UI.access may run the refresh
                    // right there, so hand it to a worker thread to keep the committing thread free.
                    Infrastructure.getDefaultWorkerPool().execute(() -> accessQuietly(ui, refresh));
                }
            });
            view.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
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
