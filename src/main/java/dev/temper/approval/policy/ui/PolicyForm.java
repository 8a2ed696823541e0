package dev.temper.approval.policy.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import dev.temper.approval.policy.GatePolicy;
import dev.temper.approval.policy.PolicyEdit;
import java.util.List;
import java.util.stream.Stream;

/**
 * A team's gate policy as a form: each field checked as it is filled in, with the bounds the server keeps
 * ({@link GatePolicy}'s constants); Save hands a {@link PolicyEdit} to its listeners, made from the version shown,
 * so that the server can tell an edit of an outdated version. The server checks everything again.
 */
public class PolicyForm extends FormLayout {

    /** One page of the team's benchmarks whose name contains {@code filter}, for the benchmark picker. */
    @FunctionalInterface
    public interface BenchmarkChoices {
        Stream<BenchmarkChoice> fetch(String filter, int offset, int limit);
    }

    /** An admin asked to save the form as the policy's next version. */
    public static class SaveEvent extends ComponentEvent<PolicyForm> {

        private final PolicyEdit edit;

        SaveEvent(PolicyForm form, PolicyEdit edit) {
            super(form, false);
            this.edit = edit;
        }

        public PolicyEdit edit() {
            return edit;
        }
    }

    static final String FRACTION = "A fraction from 0 to 1, such as 0.8";

    final TextField name = new TextField("Name");
    final ComboBox<BenchmarkChoice> benchmark = new ComboBox<>("Benchmark the gates are measured on");
    final NumberField minCleanLower = new NumberField("Min clean accuracy (95% lower bound)");
    final NumberField minRobustAccuracy = new NumberField("Min robust accuracy");
    final ComboBox<Double> robustEpsilon = new ComboBox<>("at epsilon");
    final NumberField maxEce = new NumberField("Max calibration error (ECE)");
    final Checkbox requireCurrentSuite = new Checkbox("Measured with the benchmark's suite");
    final Checkbox blockRegression = new Checkbox("No significant regression against production");
    final IntegerField requiredApprovals = new IntegerField("Approvals required");
    final Checkbox separatesDuties = new Checkbox("Separate duties: requester and trainer may not approve");
    final IntegerField expiryDays = new IntegerField("Open requests expire after (days)");
    final Button save = new Button("Save as new version");
    private final Span error = new Span();
    private final Binder<Draft> binder = new Binder<>();
    /** The version shown, which an edit is made from (0: the team has none yet). */
    private int shownVersion;

    public PolicyForm(BenchmarkChoices choices) {
        setId("policy-form");
        ids();
        benchmark.setItems(query -> choices.fetch(BenchmarkChoice.namePart(query.getFilter().orElse("")),
                query.getOffset(), query.getLimit()));
        benchmark.setItemLabelGenerator(BenchmarkChoice::label);
        benchmark.addValueChangeListener(change -> offerEpsilonsOf(change.getValue()));
        robustEpsilon.setItemLabelGenerator(epsilon -> Double.toString(epsilon));
        robustEpsilon.setHelperText("One of the benchmark's epsilons");
        minCleanLower.setHelperText("Empty: no clean-accuracy gate");
        minRobustAccuracy.setHelperText("Worst case over all attacks; empty: no robust-accuracy gate");
        maxEce.setHelperText("Empty: no calibration gate");
        requiredApprovals.setStepButtonsVisible(true);
        requiredApprovals.setHelperText(GatePolicy.MIN_APPROVALS + " to " + GatePolicy.MAX_APPROVALS);
        expiryDays.setHelperText("1 to " + GatePolicy.MAX_EXPIRY_DAYS + "; empty: requests do not expire");
        name.setMaxLength(GatePolicy.NAME_MAX_LENGTH);
        bind();
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(name, benchmark, minCleanLower, maxEce, minRobustAccuracy, robustEpsilon, requiredApprovals, expiryDays,
                requireCurrentSuite, blockRegression, separatesDuties);
        add(save, error);
        setColspan(error, 2);
        showNone();
    }

    private void ids() {
        name.setId("policy-name");
        benchmark.setId("policy-benchmark");
        minCleanLower.setId("policy-min-clean");
        minRobustAccuracy.setId("policy-min-robust");
        robustEpsilon.setId("policy-epsilon");
        maxEce.setId("policy-max-ece");
        requireCurrentSuite.setId("policy-current-suite");
        blockRegression.setId("policy-no-regression");
        requiredApprovals.setId("policy-approvals");
        separatesDuties.setId("policy-separate-duties");
        expiryDays.setId("policy-expiry");
        save.setId("policy-save");
        error.setId("policy-error");
    }

    private void bind() {
        binder.forField(name).asRequired("Give the policy a name")
                .withValidator(n -> n.strip().length() <= GatePolicy.NAME_MAX_LENGTH,
                        "At most " + GatePolicy.NAME_MAX_LENGTH + " characters")
                .bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(benchmark).asRequired("Pick the team's benchmark the gates are measured on")
                .bind(d -> d.benchmark, (d, v) -> d.benchmark = v);
        binder.forField(minCleanLower).withValidator(PolicyForm::fraction, FRACTION)
                .bind(d -> d.minCleanLower, (d, v) -> d.minCleanLower = v);
        Binder.Binding<Draft, Double> robust = binder.forField(minRobustAccuracy)
                .withValidator(PolicyForm::fraction, FRACTION)
                .withValidator(v -> v == null || robustEpsilon.getValue() != null,
                        "Pick the epsilon it is measured at, or leave it empty")
                .bind(d -> d.minRobustAccuracy, (d, v) -> d.minRobustAccuracy = v);
        Binder.Binding<Draft, Double> epsilon = binder.forField(robustEpsilon)
                .withValidator(e -> e == null || minRobustAccuracy.getValue() != null,
                        "Give the robust accuracy needed at this epsilon, or leave it empty")
                .bind(d -> d.robustEpsilon, (d, v) -> d.robustEpsilon = v);
        // The two make one gate: a change to either may settle the other's complaint.
        minRobustAccuracy.addValueChangeListener(change -> epsilon.validate());
        robustEpsilon.addValueChangeListener(change -> robust.validate());
        binder.forField(maxEce).withValidator(PolicyForm::fraction, FRACTION)
                .bind(d -> d.maxEce, (d, v) -> d.maxEce = v);
        binder.forField(requireCurrentSuite).bind(d -> d.requireCurrentSuite, (d, v) -> d.requireCurrentSuite = v);
        binder.forField(blockRegression).bind(d -> d.blockRegression, (d, v) -> d.blockRegression = v);
        String approvals = GatePolicy.MIN_APPROVALS + " to " + GatePolicy.MAX_APPROVALS + " approvals";
        binder.forField(requiredApprovals).asRequired(approvals)
                .withValidator(n -> n >= GatePolicy.MIN_APPROVALS && n <= GatePolicy.MAX_APPROVALS, approvals)
                .bind(d -> d.requiredApprovals, (d, v) -> d.requiredApprovals = v);
        binder.forField(separatesDuties).bind(d -> d.separatesDuties, (d, v) -> d.separatesDuties = v);
        binder.forField(expiryDays)
                .withValidator(n -> n == null || (n >= 1 && n <= GatePolicy.MAX_EXPIRY_DAYS),
                        "1 to " + GatePolicy.MAX_EXPIRY_DAYS + " days, or empty for requests that do not expire")
                .bind(d -> d.expiryDays, (d, v) -> d.expiryDays = v);
    }

    private static boolean fraction(Double value) {
        return value == null || (value >= 0 && value <= 1);
    }

    /** The team has no policy yet: a new one starts from the defaults the API gives left-out fields. */
    public void showNone() {
        shownVersion = 0;
        binder.readBean(new Draft());
        error.setText("");
    }

    /** Shows a saved version; an edit saved from here is expected to follow it. */
    public void show(GatePolicy policy, BenchmarkChoice measuredOn) {
        shownVersion = policy.version;
        binder.readBean(Draft.of(policy, measuredOn));
        error.setText("");
    }

    /** What the server said against the last save, in its words (it names the field and its bounds). */
    public void showError(String message) {
        error.setText(message);
    }

    /** For members who are not admins of the team: the policy to read, nothing to save. */
    public void showReadOnly(boolean readOnly) {
        binder.setReadOnly(readOnly);
        save.setVisible(!readOnly);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private void save() {
        Draft draft = new Draft();
        if (binder.writeBeanIfValid(draft)) {
            error.setText("");
            fireEvent(new SaveEvent(this, draft.toEdit(shownVersion)));
        } else {
            error.setText("Correct the fields marked above, then save again");
        }
    }

    private void offerEpsilonsOf(BenchmarkChoice chosen) {
        Double kept = robustEpsilon.getValue();
        List<Double> epsilons = chosen == null ? List.of() : chosen.epsilons();
        robustEpsilon.setItems(epsilons);
        robustEpsilon.setValue(kept != null && epsilons.contains(kept) ? kept : null);
    }

    /** The form's values between binder and edit; left-out yes/no rules are on, as in the API. */
    private static final class Draft {
        String name = "";
        BenchmarkChoice benchmark;
        Double minCleanLower;
        Double minRobustAccuracy;
        Double robustEpsilon;
        Double maxEce;
        boolean requireCurrentSuite = true;
        boolean blockRegression = true;
        Integer requiredApprovals = GatePolicy.MIN_APPROVALS;
        boolean separatesDuties = true;
        Integer expiryDays;

        static Draft of(GatePolicy p, BenchmarkChoice measuredOn) {
            Draft d = new Draft();
            d.name = p.name;
            d.benchmark = measuredOn;
            d.minCleanLower = p.minCleanLower;
            d.minRobustAccuracy = p.minRobustAccuracy;
            d.robustEpsilon = p.robustEpsilon;
            d.maxEce = p.maxEce;
            d.requireCurrentSuite = p.requireCurrentSuite;
            d.blockRegression = p.blockRegression;
            d.requiredApprovals = p.requiredApprovals;
            d.separatesDuties = p.separatesDuties;
            d.expiryDays = p.expiryDays;
            return d;
        }

        PolicyEdit toEdit(int expectedVersion) {
            return new PolicyEdit(name.strip(), benchmark.id(), minCleanLower, minRobustAccuracy, robustEpsilon,
                    maxEce, requireCurrentSuite, blockRegression, requiredApprovals, separatesDuties, expiryDays,
                    expectedVersion);
        }
    }
}
