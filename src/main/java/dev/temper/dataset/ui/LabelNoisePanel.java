package dev.temper.dataset.ui;

import com.fasterxml.jackson.core.type.TypeReference;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.temper.base.Json;
import dev.temper.base.problem.ProblemException;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.derive.Derivation;
import dev.temper.dataset.derive.ExcludeSamplesDerivation;
import dev.temper.dataset.derive.RelabelDerivation;
import dev.temper.dataset.noise.LabelNoiseSearch;
import dev.temper.dataset.noise.LabelNoiseService;
import dev.temper.dataset.noise.LabelNoiseUpdated;
import dev.temper.dataset.profile.LabelSuspect;
import dev.temper.security.CurrentUser;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.ProblemNotification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Suspected label errors: start a search (a background task whose progress is pushed here), then review
 * the suspects and derive a version that excludes or relabels the ones the reviewer picked.
 */
class LabelNoisePanel extends Composite<VerticalLayout> {

    private final CurrentUser user;
    private final DatasetVersion version;
    private final LabelNoiseService searches;
    private final DatasetService datasets;
    private final Consumer<Long> openVersion;
    private final ProgressBar progress = new ProgressBar();
    private final Span status = new Span();
    private final Grid<LabelSuspect> suspects = new Grid<>();
    private final Button start = new Button("Find suspected label errors");
    private final Button exclude = new Button("Exclude selected");
    private final Button relabel = new Button("Relabel selected as suggested");

    LabelNoisePanel(CurrentUser user, DatasetVersion version, LabelNoiseService searches, DatasetService datasets,
            LiveUpdates updates, Consumer<Long> openVersion) {
        this.user = user;
        this.version = version;
        this.searches = searches;
        this.datasets = datasets;
        this.openVersion = openVersion;
        progress.setId("label-noise-progress");
        status.setId("label-noise-status");
        start.setId("label-noise-start");
        exclude.setId("label-noise-exclude");
        relabel.setId("label-noise-relabel");
        configureGrid();
        start.addClickListener(click -> startSearch());
        exclude.addClickListener(click -> derive(() -> new ExcludeSamplesDerivation(selectedIndices())));
        relabel.addClickListener(click -> derive(() -> new RelabelDerivation(selectedSuggestions())));
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.add(new H3("Suspected label errors"), new Span("Out-of-fold predictions of a quick model, "
                + "confident-learning style: a sample is suspect when another class is predicted more confidently "
                + "than that class's typical confidence."));
        // Viewers read the review; only ml-engineers get the controls that change data.
        if (user.hasRole(Roles.ML_ENGINEER)) {
            content.add(start);
        }
        content.add(progress, status, suspects);
        if (user.hasRole(Roles.ML_ENGINEER)) {
            content.add(new HorizontalLayout(exclude, relabel));
        }
        updates.bind(this, LabelNoiseUpdated.class,
                update -> update.datasetVersionId() == version.id && user.isMemberOf(update.team()), this::refresh);
        refresh();
    }

    private void configureGrid() {
        suspects.setId("label-noise-suspects");
        suspects.setSelectionMode(Grid.SelectionMode.MULTI);
        suspects.addColumn(LabelSuspect::index).setHeader("Sample").setAutoWidth(true);
        suspects.addColumn(s -> s.id() == null ? "" : s.id()).setHeader("Id").setAutoWidth(true);
        suspects.addColumn(LabelSuspect::split).setHeader("Split").setAutoWidth(true);
        suspects.addColumn(LabelSuspect::givenLabel).setHeader("Given label").setAutoWidth(true);
        suspects.addColumn(s -> Formats.percent(s.givenProbability())).setHeader("p(given)").setAutoWidth(true);
        suspects.addColumn(LabelSuspect::suggestedLabel).setHeader("Suggested").setAutoWidth(true);
        suspects.addColumn(s -> Formats.percent(s.suggestedProbability())).setHeader("p(suggested)").setAutoWidth(true);
        suspects.setVisible(false);
    }

    private void startSearch() {
        try {
            searches.start(user, version.id);
            refresh();
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }

    private void refresh() {
        var latest = searches.latest(user, version.id);
        boolean running = latest.map(s -> s.state == LabelNoiseSearch.State.RUNNING).orElse(false);
        start.setEnabled(!running);
        progress.setVisible(running);
        latest.ifPresentOrElse(this::show, () -> status.setText("No search yet."));
    }

    private void show(LabelNoiseSearch search) {
        progress.setValue(Math.max(0, Math.min(1, search.progress)));
        switch (search.state) {
            case RUNNING -> status.setText("Searching: " + (search.stage == null ? "" : search.stage) + " ("
                    + Math.round(search.progress * 100) + "%)");
            case FAILED -> status.setText(search.message);
            case SUCCEEDED -> {
                List<LabelSuspect> found = Json.read(search.suspectsJson, new TypeReference<>() { });
                status.setText(found.size() + " suspects; the quick model's out-of-fold accuracy was "
                        + Formats.percent(search.outOfFoldAccuracy) + " (search by " + search.createdBy + ", "
                        + Formats.time(search.finishedAt) + ")");
                suspects.setItems(found);
                suspects.setVisible(!found.isEmpty());
            }
        }
        boolean reviewable = search.state == LabelNoiseSearch.State.SUCCEEDED && suspects.isVisible();
        exclude.setVisible(reviewable);
        relabel.setVisible(reviewable);
    }

    private List<Integer> selectedIndices() {
        return suspects.getSelectedItems().stream().map(LabelSuspect::index).sorted().toList();
    }

    private Map<Integer, String> selectedSuggestions() {
        Map<Integer, String> labels = new LinkedHashMap<>();
        suspects.getSelectedItems().forEach(s -> labels.put(s.index(), s.suggestedLabel()));
        return labels;
    }

    private void derive(Supplier<Derivation> derivation) {
        if (suspects.getSelectedItems().isEmpty()) {
            ProblemNotification.error("Select the suspects you reviewed first");
            return;
        }
        try {
            var registration = datasets.derive(user, version.id, derivation.get());
            ProblemNotification.success((registration.reused() ? "Already registered as " : "Derived ")
                    + registration.version().label());
            openVersion.accept(registration.version().id);
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }
}
