package dev.temper.evaluation.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.evaluation.EvaluationRecorded;
import dev.temper.evaluation.EvaluationService;
import dev.temper.evaluation.LeaderboardRow;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.LiveUpdates;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Clean accuracy, calibration and worst-case robust accuracy of every evaluated model version. Evaluations finish as
 * jobs; the board re-reads when a result of the user's teams is recorded. The robust columns follow the epsilons
 * actually measured; rows come in the service's ranking.
 */
@Route(value = "leaderboard", layout = MainLayout.class)
@PageTitle("Leaderboard | Temper")
@Menu(title = "Leaderboard", order = 4)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class LeaderboardView extends VerticalLayout {

    private final CurrentUser user;
    private final EvaluationService evaluations;
    private final Grid<LeaderboardRow> grid = new Grid<>();
    private final Paragraph threatModels = new Paragraph();

    public LeaderboardView(SecurityIdentity identity, EvaluationService evaluations, LiveUpdates updates) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.evaluations = evaluations;
        setSizeFull();
        grid.setId("leaderboard-grid");
        threatModels.setId("leaderboard-threat-models");
        add(new H2("Leaderboard"),
                new Paragraph("Accuracy on each dataset version's held-out test split, test examples the model was "
                        + "trained on left out. Robust columns count an example only if no attack of the suite at "
                        + "that strength fooled it, with the 95% interval; ECE is the calibration error. A row marked "
                        + "'unreliable' failed a reliability check (its reasons are in the tooltip): its robust numbers "
                        + "may flatter the model, and it ranks below every reliable row."),
                threatModels, grid);
        refresh();
        updates.bind(this, EvaluationRecorded.class, recorded -> user.isMemberOf(recorded.team()), this::refresh);
    }

    private void refresh() {
        List<LeaderboardRow> rows = evaluations.all(user).stream().map(LeaderboardRow::of).toList();
        configureColumns(epsilons(rows));
        threatModels.setText(LeaderboardFormats.threatModels(rows));
        grid.setItems(rows);
    }

    private void configureColumns(SortedSet<Double> epsilons) {
        grid.removeAllColumns();
        grid.addColumn(LeaderboardRow::datasetVersion).setHeader("Dataset").setAutoWidth(true);
        grid.addColumn(LeaderboardRow::modelVersion).setHeader("Model").setAutoWidth(true);
        grid.addColumn(row -> Formats.orDash(row.baseVersion())).setHeader("Base").setAutoWidth(true);
        grid.addComponentColumn(LeaderboardView::reliability).setHeader("Reliability").setAutoWidth(true);
        grid.addColumn(LeaderboardFormats::examples).setHeader("Examples").setAutoWidth(true)
                .setTooltipGenerator(LeaderboardFormats::overlap);
        grid.addColumn(LeaderboardFormats::threatModel).setHeader("Threat model").setAutoWidth(true)
                .setTooltipGenerator(row -> Formats.orDash(row.threatModel()));
        grid.addColumn(LeaderboardView::clean).setHeader("Clean accuracy (95% CI)").setAutoWidth(true);
        grid.addColumn(row -> Formats.decimal(row.expectedCalibrationError())).setHeader("ECE").setAutoWidth(true);
        for (double epsilon : epsilons) {
            grid.addColumn(row -> LeaderboardFormats.robust(row, epsilon))
                    .setHeader("Robust ε=" + BigDecimal.valueOf(epsilon).stripTrailingZeros().toPlainString()
                            + " (95% CI)")
                    .setTooltipGenerator(row -> LeaderboardFormats.byAttack(row, epsilon))
                    .setAutoWidth(true);
        }
        grid.addColumn(row -> Formats.percent(row.meanCorruptionAccuracy())).setHeader("Corruption accuracy")
                .setTooltipGenerator(row -> "Images: mean over 9 corruption types x 5 severities").setAutoWidth(true);
        grid.addColumn(row -> Formats.decimal(row.meanCorruptionError())).setHeader("mCE vs base")
                .setTooltipGenerator(row -> "Corruption errors relative to the base model's; below 1 is more robust")
                .setAutoWidth(true);
    }

    /** A badge: "reliable", or "unreliable" with each check that fired and its reason in the tooltip. */
    private static Span reliability(LeaderboardRow row) {
        Span badge = new Span(row.reliable() ? "reliable" : "unreliable");
        badge.getElement().getThemeList().add(row.reliable() ? "badge success" : "badge error");
        badge.addClassName(row.reliable() ? "reliable" : "unreliable");
        if (!row.reliable()) {
            Tooltip.forComponent(badge).setText(LeaderboardFormats.reasons(row));
        }
        return badge;
    }

    private static String clean(LeaderboardRow row) {
        String accuracy = Formats.percent(row.cleanAccuracy());
        return row.cleanLower() == null ? accuracy
                : accuracy + " (" + Formats.percent(row.cleanLower()) + "–" + Formats.percent(row.cleanUpper()) + ")";
    }

    private static SortedSet<Double> epsilons(List<LeaderboardRow> rows) {
        SortedSet<Double> epsilons = new TreeSet<>();
        rows.forEach(row -> epsilons.addAll(row.robustAccuracy().keySet()));
        return epsilons;
    }
}
