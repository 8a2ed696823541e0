package dev.temper.training.queue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.base.problem.ProblemException;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.training.JobUpdated;
import dev.temper.training.queue.QuotaLimits;
import dev.temper.training.queue.QuotaService;
import dev.temper.training.queue.TeamQuotaStatus;
import dev.temper.ui.Formats;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import dev.temper.ui.ProblemNotification;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;

/**
 * Team quotas with what each team uses now, updated live as jobs start and end. Everyone reads the rows
 * of their own teams; admins see every team and change limits in the editor below the grid.
 */
@Route(value = "quotas", layout = MainLayout.class)
@PageTitle("Quotas | Temper")
@Menu(title = "Quotas", order = 2.5)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class QuotasView extends VerticalLayout {

    private final CurrentUser user;
    private final QuotaService quotas;
    private final Grid<TeamQuotaStatus> grid = new Grid<>();
    private final TextField team = new TextField("Team");
    private final IntegerField maxGpus = new IntegerField("GPUs at once (0-" + QuotaLimits.MAX_GPUS + ")");
    private final IntegerField maxJobs = new IntegerField("Jobs at once (1-" + QuotaLimits.MAX_CONCURRENT_JOBS + ")");
    private final Span error = new Span();

    public QuotasView(SecurityIdentity identity, QuotaService quotas, LiveUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.quotas = quotas;
        setSizeFull();
        QuotaLimits defaults = quotas.defaults();
        Paragraph rules = new Paragraph("A job starts when its team has the GPUs and a free job place under its quota;"
                + " within a team higher priority goes first, across teams the one using the smallest share of its"
                + " GPU quota. Teams without a quota of their own may use " + defaults.maxGpus() + " GPUs and run "
                + defaults.maxConcurrentJobs() + " jobs at once.");
        rules.setId("quota-rules");
        add(new H2("Team quotas"), rules);
        configureGrid();
        add(grid);
        if (user.hasRole(Roles.ADMIN)) {
            add(editor());
        }
        refresh();
        boolean admin = user.hasRole(Roles.ADMIN);
        updates.bind(this, JobUpdated.class, update -> admin || user.isMemberOf(update.team()), this::refresh);
    }

    private void configureGrid() {
        grid.setId("quotas-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(TeamQuotaStatus::team).setHeader("Team").setAutoWidth(true);
        grid.addColumn(q -> q.gpusInUse() + " of " + q.maxGpus()).setHeader("GPUs in use").setAutoWidth(true);
        grid.addColumn(q -> q.jobsRunning() + " of " + q.maxConcurrentJobs()).setHeader("Jobs running")
                .setAutoWidth(true);
        grid.addColumn(TeamQuotaStatus::jobsQueued).setHeader("Jobs queued").setAutoWidth(true);
        grid.addColumn(q -> q.custom() ? "by " + q.updatedBy() + ", " + Formats.time(q.updatedAt()) : "defaults")
                .setHeader("Set").setAutoWidth(true).setFlexGrow(1);
    }

    private VerticalLayout editor() {
        team.setId("quota-team");
        maxGpus.setId("quota-max-gpus");
        maxJobs.setId("quota-max-jobs");
        error.setId("quota-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", click -> change(() -> quotas.set(user, team.getValue().strip(),
                maxGpus.getValue(), maxJobs.getValue()), "saved"));
        save.setId("quota-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Back to defaults", click -> change(() -> quotas.reset(user, team.getValue().strip()),
                "back on the defaults"));
        reset.setId("quota-reset");
        grid.asSingleSelect().addValueChangeListener(selected -> {
            if (selected.getValue() != null) {
                edit(selected.getValue());
            }
        });
        HorizontalLayout fields = new HorizontalLayout(team, maxGpus, maxJobs, save, reset);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new VerticalLayout(new Span("Pick a team in the grid or type its name, then set its limits."),
                fields, error);
    }

    private void edit(TeamQuotaStatus quota) {
        team.setValue(quota.team());
        maxGpus.setValue(quota.maxGpus());
        maxJobs.setValue(quota.maxConcurrentJobs());
        error.setText("");
    }

    private void change(Supplier<TeamQuotaStatus> action, String outcome) {
        try {
            TeamQuotaStatus quota = action.get();
            error.setText("");
            edit(quota);
            refresh();
            ProblemNotification.success("Quota of " + quota.team() + " " + outcome);
        } catch (ProblemException problem) {
            error.setText(problem.detail());
            ProblemNotification.show(problem);
        }
    }

    private void refresh() {
        grid.setItems(quotas.overview(user));
    }
}
