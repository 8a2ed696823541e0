package dev.temper.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import dev.temper.base.problem.ProblemException;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs slow work (registering a large upload) off the UI lock, so the page stays responsive, and hands
 * the outcome back to the UI through push.
 */
public final class BackgroundTask {

    private static final Logger LOG = Logger.getLogger(BackgroundTask.class);

    private BackgroundTask() {
    }

    /**
     * @param work      runs on a worker thread; must not touch components
     * @param onSuccess runs with the UI locked
     * @param onProblem runs with the UI locked, with the message to show (a {@link ProblemException}'s, or a
     *                  generic one for unexpected failures, which are logged)
     */
    public static <T> void run(UI ui, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onProblem) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            Runnable outcome;
            try {
                T result = work.call();
                outcome = () -> onSuccess.accept(result);
            } catch (ProblemException problem) {
                outcome = () -> onProblem.accept(problem.getMessage());
            } catch (Exception e) {
                LOG.error("Background task failed", e);
                outcome = () -> onProblem.accept("Something went wrong on the server; the details are in its log");
            }
            Runnable finalOutcome = outcome;
            try {
                ui.access(() -> LiveUpdates.inRequestContext(finalOutcome));
            } catch (UIDetachedException closedMeanwhile) {
                // The user left; the work itself is done.
            }
        });
    }
}
