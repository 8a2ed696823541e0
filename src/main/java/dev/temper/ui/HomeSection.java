package dev.temper.ui;

import com.vaadin.flow.component.Component;
import dev.temper.security.CurrentUser;

/**
 * A section of the home page, contributed by a feature (the registry shows each team's production model), so
 * that the app shell depends on no feature. Implementations are CDI beans; sections appear by {@link #order()}.
 */
public interface HomeSection {

    int order();

    Component create(CurrentUser user);
}
