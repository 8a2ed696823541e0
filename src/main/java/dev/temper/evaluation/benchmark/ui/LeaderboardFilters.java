package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.benchmark.LeaderboardFilter;
import java.time.ZoneOffset;

/** The leaderboard's filters; every change asks the database again through {@code onChange}. */
class LeaderboardFilters extends Composite<HorizontalLayout> {

    private final TextField model = new TextField("Model starts with");
    private final TextField base = new TextField("Base starts with");
    private final RadioButtonGroup<String> reliability = new RadioButtonGroup<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To (inclusive)");

    LeaderboardFilters(Runnable onChange) {
        model.setId("leaderboard-filter-model");
        base.setId("leaderboard-filter-base");
        for (TextField field : new TextField[] {model, base}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.setMaxLength(LeaderboardFilter.PREFIX_MAX_LENGTH);
        }
        reliability.setId("leaderboard-filter-reliable");
        reliability.setLabel("Reliability");
        reliability.setItems("all", "reliable", "unreliable");
        reliability.setValue("all");
        from.setId("leaderboard-filter-from");
        to.setId("leaderboard-filter-to");
        model.addValueChangeListener(e -> onChange.run());
        base.addValueChangeListener(e -> onChange.run());
        reliability.addValueChangeListener(e -> onChange.run());
        from.addValueChangeListener(e -> onChange.run());
        to.addValueChangeListener(e -> onChange.run());
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().add(model, base, reliability, from, to);
    }

    /** The filter as typed; a contradiction (from after to) is a ProblemException the view shows. */
    LeaderboardFilter value() throws ProblemException {
        Boolean reliable = switch (reliability.getValue() == null ? "all" : reliability.getValue()) {
            case "reliable" -> true;
            case "unreliable" -> false;
            default -> null;
        };
        return new LeaderboardFilter(model.getValue(), base.getValue(), reliable,
                from.getValue() == null ? null : from.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
