package dev.temper.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import dev.temper.base.problem.ProblemException;

/**
 * The one way views report a refused action: the service's own message, never a class name or a stack
 * trace. Unexpected exceptions are left to Vaadin's error handler.
 */
public final class ProblemNotification {

    private static final int DURATION_MS = 6000;

    private ProblemNotification() {
    }

    public static Notification show(ProblemException problem) {
        return error(problem.getMessage());
    }

    public static Notification error(String message) {
        Notification notification = Notification.show(message, DURATION_MS, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return notification;
    }

    public static Notification success(String message) {
        Notification notification = Notification.show(message, DURATION_MS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return notification;
    }
}
