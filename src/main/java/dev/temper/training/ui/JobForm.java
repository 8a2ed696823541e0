package dev.temper.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.temper.contract.JobKind;
import dev.temper.contract.Strategy;
import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.ModelVersion;
import dev.temper.training.JobSubmission;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a training job. Input is checked with the same Bean Validation constraints the REST API
 * applies to {@link JobSubmission}, so the form and the API cannot disagree about limits; only a valid
 * submission leaves the form, as a {@link SubmitEvent}.
 */
public class JobForm extends FormLayout {

    final RadioButtonGroup<JobKind> kind = new RadioButtonGroup<>("Kind");
    final TextField modelName = new TextField("Model name");
    final ComboBox<DatasetVersion> dataset = new ComboBox<>("Dataset version");
    final ComboBox<ModelVersion> baseModel = new ComboBox<>("Base model version");
    final IntegerField epochs = new IntegerField("Epochs");
    final NumberField learningRate = new NumberField("Learning rate");
    final IntegerField batchSize = new IntegerField("Batch size");
    final IntegerField frozenLayers = new IntegerField("Frozen layers");
    final Checkbox fgsm = new Checkbox("Adversarial training (FGSM)");
    final NumberField fgsmEpsilon = new NumberField("FGSM ε");
    final IntegerField seed = new IntegerField("Seed");
    final Button submit = new Button("Start job");

    private final Validator validator;
    /** Which field shows a violation of which JobSubmission property. */
    private final Map<String, HasValidation> fieldsByProperty;

    public JobForm(Validator validator) {
        this.validator = validator;
        this.fieldsByProperty = Map.of(
                "kind", kind,
                "modelName", modelName,
                "datasetVersionId", dataset,
                "strategy.epochs", epochs,
                "strategy.learningRate", learningRate,
                "strategy.batchSize", batchSize,
                "strategy.frozenLayers", frozenLayers,
                "strategy.fgsmEpsilon", fgsmEpsilon);
        assignIds();
        setDefaults(Strategy.defaults());
        kind.addValueChangeListener(change -> {
            boolean fineTune = change.getValue() == JobKind.FINETUNE;
            baseModel.setEnabled(fineTune);
            if (!fineTune) {
                baseModel.clear();
            }
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        add(kind, modelName, dataset, baseModel, epochs, learningRate, batchSize, frozenLayers, fgsm, fgsmEpsilon,
                seed, submit);
    }

    public void setDatasets(List<DatasetVersion> datasets) {
        dataset.setItems(datasets);
    }

    public void setBaseModels(List<ModelVersion> models) {
        baseModel.setItems(models);
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    private void assignIds() {
        kind.setId("job-kind");
        modelName.setId("job-model-name");
        dataset.setId("job-dataset");
        baseModel.setId("job-base-model");
        epochs.setId("job-epochs");
        learningRate.setId("job-learning-rate");
        batchSize.setId("job-batch-size");
        frozenLayers.setId("job-frozen-layers");
        fgsm.setId("job-fgsm");
        fgsmEpsilon.setId("job-fgsm-epsilon");
        seed.setId("job-seed");
        submit.setId("job-submit");
    }

    private void setDefaults(Strategy defaults) {
        kind.setItems(JobKind.PRETRAIN, JobKind.FINETUNE);
        kind.setValue(JobKind.FINETUNE);
        dataset.setItemLabelGenerator(DatasetVersion::label);
        baseModel.setItemLabelGenerator(ModelVersion::label);
        epochs.setValue(defaults.epochs());
        epochs.setMin(1);
        epochs.setMax(Strategy.MAX_EPOCHS);
        learningRate.setValue(defaults.learningRate());
        batchSize.setValue(defaults.batchSize());
        frozenLayers.setValue(defaults.frozenLayers());
        fgsm.setValue(defaults.fgsm());
        fgsmEpsilon.setValue(defaults.fgsmEpsilon());
        seed.setValue((int) defaults.seed());
    }

    void submit() {
        read().ifPresent(submission -> fireEvent(new SubmitEvent(this, submission)));
    }

    /** The submission, or empty after marking every field that is missing or out of bounds. */
    Optional<JobSubmission> read() {
        fieldsByProperty.values().forEach(field -> field.setInvalid(false));
        baseModel.setInvalid(false);
        seed.setInvalid(false);
        boolean complete = present(epochs, epochs.getValue()) & present(learningRate, learningRate.getValue())
                & present(batchSize, batchSize.getValue()) & present(frozenLayers, frozenLayers.getValue())
                & present(fgsmEpsilon, fgsmEpsilon.getValue()) & present(seed, seed.getValue());
        boolean hasBase = kind.getValue() != JobKind.FINETUNE || present(baseModel, baseModel.getValue());
        if (!complete) {
            return Optional.empty();
        }
        Strategy strategy = new Strategy(epochs.getValue(), batchSize.getValue(), learningRate.getValue(),
                frozenLayers.getValue(), fgsm.getValue(), fgsmEpsilon.getValue(), seed.getValue());
        JobSubmission submission = new JobSubmission(kind.getValue(), modelName.getValue(),
                dataset.getValue() == null ? null : dataset.getValue().id,
                kind.getValue() == JobKind.FINETUNE && baseModel.getValue() != null ? baseModel.getValue().id : null,
                null, strategy, null);
        var violations = validator.validate(submission);
        violations.forEach(this::mark);
        return violations.isEmpty() && hasBase ? Optional.of(submission) : Optional.empty();
    }

    private void mark(ConstraintViolation<JobSubmission> violation) {
        HasValidation field = fieldsByProperty.get(violation.getPropertyPath().toString());
        if (field != null) {
            field.setErrorMessage(violation.getMessage());
            field.setInvalid(true);
        }
    }

    private static boolean present(HasValidation field, Object value) {
        if (value == null) {
            field.setErrorMessage("Required");
            field.setInvalid(true);
            return false;
        }
        return true;
    }

    /** A complete, valid job description, ready for JobService.submit. */
    public static class SubmitEvent extends ComponentEvent<JobForm> {

        private final JobSubmission submission;

        SubmitEvent(JobForm source, JobSubmission submission) {
            super(source, false);
            this.submission = submission;
        }

        public JobSubmission submission() {
            return submission;
        }
    }
}
