package dev.temper.registry.ui;

import com.vaadin.flow.component.Component;
import dev.temper.registry.ModelVersion;
import dev.temper.security.CurrentUser;
import java.util.Optional;

/**
 * A section that a feature downstream of the registry adds to a model version's page (training: the strategy and
 * its job; evaluation: every evaluation and the name's history; approval: the version's requests; the model card),
 * so that the registry needs to know none of them. Implementations are CDI beans; sections appear by {@link #order}.
 */
public interface ModelPageSection {

    int order();

    /** The section for this user and version (one of the user's teams), or empty where it does not apply. */
    Optional<Component> create(CurrentUser user, ModelVersion version);
}
