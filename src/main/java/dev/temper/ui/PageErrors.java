package dev.temper.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import dev.temper.base.problem.DatabaseUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * What a page does with a failure no view caught, such as a grid's rows that cannot be read while PostgreSQL restarts.
 * Vaadin's own handling answers the browser with a critical "Internal error" that only a reload clears; with an error
 * handler of the session's own, the page stays live, says what happened, and its next request works once the cause is
 * gone.
 */
@ApplicationScoped
public class PageErrors {

    private static final Logger LOG = Logger.getLogger(PageErrors.class);

    void install(@Observes ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(PageErrors::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        boolean outage = DatabaseUnavailable.causedBy(failure);
        if (outage) {
            LOG.warn("A page could not reach the database: " + failure.getMessage());
        } else {
            LOG.error("Unexpected failure in a page", failure);
        }
        if (UI.getCurrent() != null) {
            ProblemNotification.error(outage
                    ? "Temper cannot reach its database right now. Try again in a few seconds; nothing needs a reload."
                    : "Something went wrong on the server; its log has the details.");
        }
    }
}
