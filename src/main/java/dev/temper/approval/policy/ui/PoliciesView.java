package dev.temper.approval.policy.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.approval.policy.GatePolicy;
import dev.temper.approval.policy.GatePolicyService;
import dev.temper.approval.policy.PolicyEdit;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.benchmark.BenchmarkService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LazyPaging;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A team's gate policy: what its approval requests must show. Members read the current version and the history;
 * admins of the team save a new version from the form (through the same service as the API, so it is checked and
 * audited the same way). {@code ?team=} picks the team for users of several.
 */
@Route(value = "policies", layout = MainLayout.class)
@PageTitle("Gate policies | Temper")
@Menu(title = "Gate policies", order = 5.5)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class PoliciesView extends VerticalLayout implements BeforeEnterObserver {

    private final CurrentUser user;
    private final GatePolicyService policies;
    private final BenchmarkService benchmarks;
    private final Select<String> team = new Select<>();
    private final Span current = new Span();
    private final Span readOnly = new Span();
    private final PolicyForm form;
    private final Grid<GatePolicy> versions = new Grid<>();

    public PoliciesView(SecurityIdentity identity, GatePolicyService policies, BenchmarkService benchmarks) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.policies = policies;
        this.benchmarks = benchmarks;
        this.form = new PolicyForm(this::benchmarkChoices);
        setSizeFull();
        add(new H2("Gate policies"), new Paragraph("What a team's approval requests must show: the gates measured "
                + "on one benchmark, and how many reviewers must approve. Every save is a new version; a request "
                + "keeps the version it was made under."));
        if (user.teams().isEmpty()) {
            add(new Paragraph("You belong to no team, so there is no policy to show."));
            return;
        }
        team.setId("policy-team");
        team.setLabel("Team");
        team.setItems(user.teams());
        team.addValueChangeListener(change -> show());
        current.setId("policy-current");
        readOnly.setId("policy-read-only");
        Button reload = new Button("Reload", click -> show());
        reload.setId("policy-reload");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(team, current, reload);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.addSaveListener(save -> save(save.edit()));
        configureVersions();
        add(head, readOnly, form, new H3("Versions"), versions);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (user.teams().isEmpty()) {
            return;
        }
        String asked = event.getLocation().getQueryParameters().getSingleParameter("team").orElse(null);
        team.setValue(asked != null && user.isMemberOf(asked) ? asked : user.teams().first());
    }

    private void configureVersions() {
        versions.setId("policy-versions");
        versions.setHeight("16em");
        versions.setMinHeight("16em");
        // Page by page from the database, newest version first.
        versions.setItems(query -> team.getValue() == null ? Stream.empty()
                : policies.versions(user, team.getValue(), LazyPaging.request(query)).items().stream());
        versions.addColumn(p -> p.version).setHeader("Version").setAutoWidth(true);
        versions.addColumn(p -> p.name).setHeader("Name").setAutoWidth(true);
        versions.addColumn(p -> "#" + p.benchmarkId).setHeader("Benchmark").setAutoWidth(true);
        versions.addColumn(PolicyText::gates).setHeader("Gates").setFlexGrow(2);
        versions.addColumn(PolicyText::rules).setHeader("Approval").setFlexGrow(1);
        versions.addColumn(p -> p.createdBy + ", " + Formats.time(p.createdAt)).setHeader("Saved")
                .setAutoWidth(true);
    }

    /** One page of the chosen team's benchmarks for the form's picker, as the combo box asks for it. */
    private Stream<BenchmarkChoice> benchmarkChoices(String filter, int offset, int limit) {
        Query<BenchmarkChoice, Void> window = new Query<>(offset, limit, List.of(), null, null);
        return LazyPaging.fetch(window,
                page -> benchmarks.ofTeam(user, team.getValue(), filter, page).map(BenchmarkChoice::of));
    }

    /** Shows the chosen team's current version (discarding unsaved edits) and its history. */
    private void show() {
        String chosen = team.getValue();
        Optional<GatePolicy> policy = policies.find(user, chosen);
        policy.ifPresentOrElse(p -> {
            current.setText(chosen + ": version " + p.version + " '" + p.name + "', saved by " + p.createdBy
                    + " at " + Formats.time(p.createdAt));
            form.show(p, BenchmarkChoice.of(benchmarks.get(user, p.benchmarkId)));
        }, () -> {
            current.setText("No policy yet: " + chosen + "'s requests are not gated");
            form.showNone();
        });
        boolean admin = user.hasRole(Roles.ADMIN);
        form.showReadOnly(!admin);
        readOnly.setText(admin ? "" : "Only an admin of " + chosen + " can change its policy.");
        readOnly.setVisible(!admin);
        versions.getDataProvider().refreshAll();
    }

    private void save(PolicyEdit edit) {
        try {
            GatePolicy saved = policies.update(user, team.getValue(), edit);
            show();
            ProblemNotification.success("Saved version " + saved.version + " of " + saved.team + "'s gate policy");
        } catch (ProblemException problem) {
            // Kept on screen beside the form: a 409 says who saved which version meanwhile and what to do.
            form.showError(problem.detail());
            ProblemNotification.show(problem);
        }
    }
}
