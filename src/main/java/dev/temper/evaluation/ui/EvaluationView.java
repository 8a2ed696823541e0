package dev.temper.evaluation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.temper.base.problem.ProblemException;
import dev.temper.evaluation.AdversarialExamples;
import dev.temper.evaluation.EvaluationEvidence;
import dev.temper.evaluation.EvaluationEvidenceService;
import dev.temper.security.CurrentUser;
import dev.temper.security.CurrentUserProvider;
import dev.temper.security.Roles;
import dev.temper.ui.MainLayout;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;

/**
 * One evaluation's result page ({@code evaluations/12}): robust accuracy against epsilon per attack and the worst
 * case, the reliability diagram, the confusion matrix and corruptions as heat maps, per-class scores, provenance
 * and the reliability flags explained. An evaluation of another team reads exactly like a missing one.
 */
@Route(value = "evaluations/:" + EvaluationView.EVALUATION_ID, layout = MainLayout.class)
@PageTitle("Evaluation | Temper")
@RolesAllowed({Roles.VIEWER, Roles.ML_ENGINEER, Roles.REVIEWER, Roles.ADMIN})
public class EvaluationView extends VerticalLayout implements BeforeEnterObserver {

    static final String EVALUATION_ID = "evaluationId";

    private final CurrentUser user;
    private final EvaluationEvidenceService evidence;
    private final AdversarialExamples adversarialExamples;
    private final H2 title = new H2("Evaluation");
    private final Span missing = new Span();
    private final VerticalLayout details = new VerticalLayout();

    public EvaluationView(SecurityIdentity identity, EvaluationEvidenceService evidence,
            AdversarialExamples adversarialExamples) {
        this.user = CurrentUserProvider.fromIdentity(identity);
        this.evidence = evidence;
        this.adversarialExamples = adversarialExamples;
        title.setId("evaluation-title");
        missing.setId("evaluation-missing");
        details.setPadding(false);
        add(title, missing, details);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String raw = event.getRouteParameters().get(EVALUATION_ID).orElse("");
        try {
            show(evidence.evidence(user, Long.parseLong(raw)));
        } catch (NumberFormatException | ProblemException notVisible) {
            title.setText("Evaluation");
            missing.setText("Evaluation " + raw + " does not exist");
            missing.setVisible(true);
            details.removeAll();
        }
    }

    private void show(EvaluationEvidence e) {
        title.setText(e.modelVersion() + " on " + e.datasetVersion());
        missing.setVisible(false);
        details.removeAll();
        Paragraph summary = new Paragraph(EvidenceFormats.summary(e));
        summary.setId("evaluation-summary");
        details.add(new HorizontalLayout(reliabilityBadge(e), new Span("Evaluation " + e.evaluationId()
                + (e.baseVersion() == null ? "" : ", base model " + e.baseVersion()))), summary, compareLink(e));
        EvidenceSections sections = new EvidenceSections(e);
        details.add(new H3("Robust accuracy against epsilon"), sections.curves());
        adversarialStrip(e.evaluationId());
        details.add(new H3("Reliability flags"), sections.flags());
        details.add(new H3("Calibration: reliability diagram"), sections.reliabilityDiagram());
        details.add(new H3("Confusion matrix"), sections.confusion());
        details.add(new H3("Per-class precision, recall and F1"), sections.perClass());
        if (!e.corruptions().isEmpty()) {
            details.add(new H3("Corruptions: accuracy by type and severity"), sections.corruptions());
        }
        if (!e.noise().isEmpty()) {
            details.add(new H3("Gaussian noise"), sections.noise());
        }
        details.add(new H3("Provenance"), sections.provenance());
        if (!e.notShown().isEmpty()) {
            details.add(sections.notShown());
        }
    }

    /** Image evaluations only; a table has nothing to look at and the page says nothing of it. */
    private void adversarialStrip(long evaluationId) {
        try {
            adversarialExamples.find(user, evaluationId).ifPresent(strip ->
                    details.add(stripHeading(), AdversarialStripSection.of(strip)));
        } catch (ProblemException unverified) {
            Span refused = new Span(unverified.title() + ": " + unverified.detail());
            refused.setId("evaluation-strip-refused");
            details.add(stripHeading(), refused);
        }
    }

    private static H3 stripHeading() {
        H3 heading = new H3("Adversarial examples");
        heading.setId("evaluation-strip-heading");
        return heading;
    }

    private static Span reliabilityBadge(EvaluationEvidence e) {
        Span badge = new Span(e.reliable() ? "reliable" : "unreliable");
        badge.setId("evaluation-reliability");
        badge.getElement().getThemeList().add(e.reliable() ? "badge success" : "badge error");
        return badge;
    }

    /** Opens the comparison page with this evaluation as A; B is picked there among those on the same version. */
    private static Anchor compareLink(EvaluationEvidence e) {
        Anchor link = new Anchor("comparisons?" + ComparisonView.LEFT + "=" + e.evaluationId(),
                "Compare with another evaluation on " + e.datasetVersion());
        link.setId("evaluation-compare");
        return link;
    }
}
