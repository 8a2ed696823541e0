package dev.temper.evaluation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.comparison.ComparisonService;
import dev.temper.evaluation.comparison.EvaluationChoice;
import dev.temper.evaluation.comparison.PairedComparison;
import dev.temper.evaluation.comparison.PairedComparison.Paired;
import dev.temper.evaluation.comparison.PairedComparison.Side;
import dev.temper.evaluation.ui.HeatMap.Cell;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.Formats;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two evaluations on one dataset version compared example by example ({@code comparisons?left=12&right=15}): per
 * outcome (clean, and robust at each epsilon) the 2x2 table, McNemar's exact p-value and a verdict a reviewer can act
 * on. The two ids come from the query or from the pickers at the top, which page through the database; a refusal
 * (other dataset, other test examples, an evaluation of another team, a per-example file that fails its hash) is
 * shown as the service words it.
 */
@Route(value = "comparisons", layout = MainLayout.class)
@PageTitle("Compare evaluations | Temper")
@Menu(title = "Compare evaluations", order = 4.5)
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class ComparisonView extends VerticalLayout implements BeforeEnterObserver {

    /** Query parameters: the evaluations' ids, as in the API. */
    static final String LEFT = "left";
    static final String RIGHT = "right";

    private final CurrentUser user;
    private final ComparisonService comparisons;
    private final ComboBox<EvaluationChoice> left = new ComboBox<>("Evaluation A");
    private final ComboBox<EvaluationChoice> right = new ComboBox<>("Evaluation B (on A's dataset version)");
    private final Span message = new Span();
    private final VerticalLayout details = new VerticalLayout();

    public ComparisonView(SecurityIdentity identity, ComparisonService comparisons) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.comparisons = comparisons;
        configurePickers();
        Button compare = new Button("Compare", click -> open(left.getValue(), right.getValue()));
        compare.setId("compare-submit");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(left, right, compare);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        message.setId("comparison-message");
        details.setPadding(false);
        add(new H2("Compare two evaluations"), new Paragraph("Two evaluations on the same dataset version and test "
                + "examples, paired example by example: McNemar's exact test asks whether the examples that hold under "
                + "only one model favour one side more than chance would."), form, message, details);
    }

    /** Both pickers page through the database; B offers only evaluations on A's dataset version once A is picked. */
    private void configurePickers() {
        left.setId("compare-left");
        right.setId("compare-right");
        for (ComboBox<EvaluationChoice> picker : List.of(left, right)) {
            picker.setItemLabelGenerator(EvaluationChoice::label);
            picker.setWidth("32em");
            picker.setPlaceholder("Type a model or dataset name");
        }
        left.setItems(query -> comparisons.choices(user, null, query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        right.setItems(query -> comparisons.choices(user, left.getValue() == null ? null
                : left.getValue().datasetVersionId(), query.getFilter().orElse(""), query.getOffset(),
                query.getLimit()).stream());
        left.addValueChangeListener(change -> {
            right.getDataProvider().refreshAll();
            if (change.getValue() != null && right.getValue() != null
                    && right.getValue().datasetVersionId() != change.getValue().datasetVersionId()) {
                right.clear();
            }
        });
    }

    private void open(EvaluationChoice a, EvaluationChoice b) {
        if (a == null || b == null) {
            showMessage("Pick both evaluations.");
            return;
        }
        UI.getCurrent().navigate(ComparisonView.class,
                QueryParameters.simple(Map.of(LEFT, String.valueOf(a.id()), RIGHT, String.valueOf(b.id()))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<String> a = first(query, LEFT);
        Optional<String> b = first(query, RIGHT);
        details.removeAll();
        if (a.isEmpty() || b.isEmpty()) {
            showMessage("Pick two evaluations above, or give their ids: comparisons?left=12&right=15.");
            if (a.isPresent()) {
                preselect(left, a.get());
            }
            return;
        }
        try {
            long leftId = Long.parseLong(a.get());
            long rightId = Long.parseLong(b.get());
            show(comparisons.compare(user, leftId, rightId));
            preselect(left, a.get());
            preselect(right, b.get());
        } catch (NumberFormatException e) {
            showMessage("Evaluation ids are numbers, e.g. comparisons?left=12&right=15.");
        } catch (ProblemException refused) {
            showMessage(refused.getMessage());
            preselect(left, a.get());
            preselect(right, b.get());
        }
    }

    /** Shows an evaluation of the URL in its picker; one the user may not see stays empty (the message says why). */
    private void preselect(ComboBox<EvaluationChoice> picker, String id) {
        try {
            picker.setValue(comparisons.choice(user, Long.parseLong(id)));
        } catch (NumberFormatException | ProblemException notVisible) {
            picker.clear();
        }
    }

    private static Optional<String> first(Map<String, List<String>> query, String name) {
        return query.getOrDefault(name, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst();
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        details.removeAll();
    }

    private void show(PairedComparison c) {
        message.setVisible(false);
        Paragraph summary = new Paragraph("A: " + side(c.left()) + ". B: " + side(c.right()) + ". Both on "
                + c.datasetVersion() + ", the same " + c.examples() + " test examples"
                + (c.threatModel() == null ? "" : "; " + c.threatModel()) + ".");
        summary.setId("comparison-summary");
        HorizontalLayout links = new HorizontalLayout(new Anchor("evaluations/" + c.left().evaluationId(),
                "Result page of A"), new Anchor("evaluations/" + c.right().evaluationId(), "Result page of B"));
        VerticalLayout verdicts = new VerticalLayout();
        verdicts.setId("comparison-verdicts");
        verdicts.setPadding(false);
        for (Paired paired : c.outcomes()) {
            Span verdict = new Span(paired.verdict());
            verdict.addClassName(paired.significant() ? "significant" : "not-significant");
            if (paired.significant()) {
                verdict.getStyle().set("font-weight", "600");
            }
            verdicts.add(verdict);
        }
        details.add(summary, links, new H3("Verdicts"), verdicts, new H3("Paired outcomes"), table(c), tables(c));
        if (!c.caveats().isEmpty()) {
            VerticalLayout caveats = new VerticalLayout();
            caveats.setId("comparison-caveats");
            caveats.setPadding(false);
            c.caveats().forEach(caveat -> caveats.add(new Span("• " + caveat)));
            details.add(new H3("Caveats"), caveats);
        }
    }

    private static String side(Side s) {
        return s.name() + " (evaluation " + s.evaluationId() + ", suite " + s.suite() + ", clean "
                + Formats.percent(s.cleanAccuracy()) + (s.reliable() ? "" : ", unreliable") + ")";
    }

    private static Grid<Paired> table(PairedComparison c) {
        Grid<Paired> grid = new Grid<>();
        grid.setId("comparison-tables");
        grid.setAllRowsVisible(true);
        grid.addColumn(ComparisonView::outcome).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(Paired::both).setHeader("Both hold").setAutoWidth(true);
        grid.addColumn(Paired::onlyLeft).setHeader("Only A").setAutoWidth(true);
        grid.addColumn(Paired::onlyRight).setHeader("Only B").setAutoWidth(true);
        grid.addColumn(Paired::neither).setHeader("Neither").setAutoWidth(true);
        grid.addColumn(p -> p.pValue() < 0.001 ? "< 0.001" : Formats.decimal(p.pValue()))
                .setHeader("McNemar p (exact)").setAutoWidth(true);
        // One row per outcome: clean and each epsilon, at most 13.
        grid.setItems(c.outcomes());
        return grid;
    }

    /** Each outcome as its 2x2 table, cells shaded by their share of the examples. */
    private static FlexLayout tables(PairedComparison c) {
        FlexLayout tables = new FlexLayout();
        tables.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tables.getStyle().set("gap", "var(--lumo-space-l)");
        for (Paired p : c.outcomes()) {
            int n = Math.max(1, c.examples());
            HeatMap map = new HeatMap("A \\ B", List.of("A holds", "A fails"), List.of("B holds", "B fails"), List.of(
                    List.of(cell(p.both(), n), cell(p.onlyLeft(), n)),
                    List.of(cell(p.onlyRight(), n), cell(p.neither(), n))));
            map.addClassName("comparison-2x2");
            tables.add(new Div(new H4(outcome(p)), map));
        }
        return tables;
    }

    private static Cell cell(int count, int examples) {
        return new Cell(Integer.toString(count), count / (double) examples, null);
    }

    private static String outcome(Paired p) {
        return p.epsilon() == null ? "Clean" : "Robust at ε = " + EvidenceFormats.epsilon(p.epsilon());
    }
}
