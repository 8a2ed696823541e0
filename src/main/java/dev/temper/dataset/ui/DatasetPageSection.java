package dev.temper.dataset.ui;

import com.vaadin.flow.component.Component;
import dev.temper.dataset.DatasetVersion;
import dev.temper.security.CurrentUser;
import java.util.Optional;

/**
 * A section that a feature downstream of datasets adds to the dataset page (evaluation adds "evaluate a model
 * on this version"), so that the dataset feature needs to know none of them. Implementations are CDI beans.
 */
public interface DatasetPageSection {

    /** The section for this user and version, or empty where it does not apply (role, state of the version). */
    Optional<Component> create(CurrentUser user, DatasetVersion version);
}
