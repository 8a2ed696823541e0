package dev.temper.registry.ui;

import com.vaadin.flow.component.Component;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;

/**
 * A column of actions on model versions that a feature downstream of the registry adds to the models page
 * (approval adds "Request approval"), so that the registry needs to know none of them. Implementations are CDI
 * beans.
 */
public interface ModelActions {

    String header();

    /** Whether the user sees the column at all, typically by role. */
    boolean shownTo(CurrentUser user);

    Component create(CurrentUser user, ModelVersion version);
}
