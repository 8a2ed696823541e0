package dev.temper.dataset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.DataKind;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.DerivationRequest;
import dev.temper.dataset.derive.ShiftKind;
import dev.temper.engine.evaluation.corruptions.CorruptionType;
import dev.temper.security.CurrentUser;
import dev.temper.ui.ProblemNotification;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Derives a new version from this one: cleaning (duplicates, missing values), rebalancing the train
 * split, a new split, or a shifted/corrupted copy for domain-shift evaluation. Fields show for the
 * chosen operation only; validation is the API's, so both say the same.
 */
class DerivePanel extends Composite<VerticalLayout> {

    private final CurrentUser user;
    private final DatasetVersion version;
    private final DatasetService datasets;
    private final Consumer<Long> openVersion;
    private final ComboBox<String> operation = new ComboBox<>("Operation");
    private final ComboBox<String> method = new ComboBox<>("Fill with");
    private final ComboBox<String> mode = new ComboBox<>("Mode");
    private final NumberField train = new NumberField("Train share");
    private final NumberField validation = new NumberField("Validation share");
    private final NumberField test = new NumberField("Test share");
    private final IntegerField seed = new IntegerField("Seed");
    private final ComboBox<String> kind = new ComboBox<>("Shift");
    private final NumberField amount = new NumberField("Amount");
    private final ComboBox<String> corruption = new ComboBox<>("Corruption");
    private final IntegerField severity = new IntegerField("Severity (1-5)");

    DerivePanel(CurrentUser user, DatasetVersion version, DatasetService datasets, Consumer<Long> openVersion) {
        this.user = user;
        this.version = version;
        this.datasets = datasets;
        this.openVersion = openVersion;
        operation.setId("derive-operation");
        operation.setItems(DerivationRequest.OPERATIONS.stream()
                .filter(op -> !op.equals("exclude-samples") && !op.equals("relabel")).toList());
        operation.setValue("drop-duplicates");
        method.setItems("mean", "median");
        method.setValue("mean");
        mode.setItems("oversample", "undersample");
        mode.setValue("oversample");
        train.setValue(version.trainRatio);
        validation.setValue(version.validationRatio);
        test.setValue(version.testRatio);
        seed.setValue((int) SplitPlan.DEFAULT_SEED);
        kind.setId("derive-shift-kind");
        kind.setItems(Arrays.stream(ShiftKind.values()).filter(k -> k.appliesTo(version.kind))
                .map(ShiftKind::wireName).toList());
        amount.setId("derive-amount");
        amount.setHelperText(version.kind == DataKind.IMAGE ? "noise sigma in pixel units, or rotation degrees"
                : "in standard deviations (noise, offset) or a factor (scale)");
        corruption.setItems(Arrays.stream(CorruptionType.values())
                .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        severity.setMin(1);
        severity.setMax(5);
        operation.addValueChangeListener(change -> showFields());
        kind.addValueChangeListener(change -> showFields());
        Button derive = new Button("Derive new version", click -> derive());
        derive.setId("derive-submit");
        FlexLayout fields = new FlexLayout(operation, method, mode, train, validation, test, kind, amount, corruption,
                severity, seed);
        fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        fields.getStyle().set("gap", "var(--lumo-space-m)");
        getContent().setPadding(false);
        getContent().add(new H3("Derive a version"), fields, derive);
        showFields();
    }

    private void showFields() {
        String op = operation.getValue() == null ? "" : operation.getValue();
        method.setVisible(op.equals("impute-missing"));
        mode.setVisible(op.equals("rebalance"));
        List.of(train, validation, test).forEach(field -> field.setVisible(op.equals("resplit")));
        kind.setVisible(op.equals("shift"));
        boolean corrupting = op.equals("shift") && "corruption".equals(kind.getValue());
        amount.setVisible(op.equals("shift") && !corrupting);
        corruption.setVisible(corrupting);
        severity.setVisible(corrupting);
        seed.setVisible(op.equals("rebalance") || op.equals("resplit") || op.equals("shift"));
    }

    private void derive() {
        String op = operation.getValue();
        boolean corrupting = "corruption".equals(kind.getValue());
        DerivationRequest request = new DerivationRequest(op, method.getValue(), null, null, mode.getValue(),
                seed.getValue() == null ? null : seed.getValue().longValue(),
                train.getValue(), validation.getValue(), test.getValue(), kind.getValue(),
                corrupting ? null : amount.getValue(), corrupting ? corruption.getValue() : null,
                corrupting ? severity.getValue() : null);
        try {
            var registration = datasets.derive(user, version.id, request.toDerivation());
            ProblemNotification.success((registration.reused() ? "Already registered as " : "Derived ")
                    + registration.version().label());
            openVersion.accept(registration.version().id);
        } catch (ProblemException problem) {
            ProblemNotification.show(problem);
        }
    }
}
