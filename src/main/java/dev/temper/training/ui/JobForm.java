package dev.temper.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.contract.JobKind;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.strategy.TrainingStrategy;
import dev.temper.registry.ModelVersion;
import dev.temper.training.JobScheduling;
import dev.temper.training.JobSubmission;
import dev.temper.training.TrainingJob;
import dev.temper.training.TrainingSettings;
import dev.temper.training.executor.JobResources;
import dev.temper.ui.LazyPaging;
import java.util.Optional;

/**
 * Describes a training job: what to train on, from which base, and the strategy. Values are checked by
 * the same records the REST API and the engine use, so form, API and worker cannot disagree; only a
 * valid submission leaves the form, as a {@link SubmitEvent}. It can start from an existing job's
 * settings ({@link #startFrom}); what it has no field for then comes from that job unchanged.
 */
public class JobForm extends FormLayout {

    final RadioButtonGroup<JobKind> kind = new RadioButtonGroup<>("Kind");
    final TextField modelName = new TextField("Model name");
    final ComboBox<DatasetVersion> dataset = new ComboBox<>("Dataset version");
    final ComboBox<ModelVersion> baseModel = new ComboBox<>("Base model version");
    final ArchitectureFields architecture = new ArchitectureFields();
    final StrategyFields strategy = new StrategyFields();
    final IntegerField priority = new IntegerField("Priority (0-100, higher first)");
    final IntegerField gpus = new IntegerField("GPUs");
    final IntegerField maxRuntimeMinutes = new IntegerField("Maximum run time (minutes)");
    final Span origin = new Span();
    final Span error = new Span();
    final Button submit = new Button("Start job");
    /** Scheduling the form has no field for (CPU, memory, retries) comes from here. */
    private JobScheduling baseScheduling = JobScheduling.DEFAULT;

    public JobForm() {
        kind.setId("job-kind");
        kind.setItems(JobKind.PRETRAIN, JobKind.FINETUNE);
        modelName.setId("job-model-name");
        modelName.setMaxLength(JobSubmission.MODEL_NAME_MAX_LENGTH);
        dataset.setId("job-dataset");
        dataset.setItemLabelGenerator(DatasetVersion::label);
        baseModel.setId("job-base-model");
        baseModel.setItemLabelGenerator(ModelVersion::label);
        error.setId("job-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        kind.addValueChangeListener(change -> {
            boolean fineTune = change.getValue() == JobKind.FINETUNE;
            baseModel.setEnabled(fineTune);
            architecture.setEnabled(!fineTune);
            if (!fineTune) {
                baseModel.clear();
            }
        });
        kind.setValue(JobKind.FINETUNE);
        priority.setId("job-priority");
        priority.setValue(JobScheduling.DEFAULT.priority());
        gpus.setId("job-gpus");
        gpus.setValue(JobScheduling.DEFAULT.resources().gpus());
        maxRuntimeMinutes.setId("job-max-runtime");
        maxRuntimeMinutes.setValue(JobScheduling.DEFAULT.maxRuntimeMinutes());
        origin.setId("job-form-origin");
        origin.setVisible(false);
        submit.setId("job-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> submit());
        add(origin);
        setColspan(origin, 2);
        add(kind, modelName, dataset, baseModel);
        architecture.components().forEach(this::add);
        strategy.components().forEach(this::add);
        add(priority, gpus, maxRuntimeMinutes, error, submit);
    }

    /** Where the dataset picker reads the versions a job may use, page by page and filtered by what is typed. */
    public void setDatasets(ComboBox.FetchItemsCallback<DatasetVersion> versions) {
        LazyPaging.pick(dataset, versions);
    }

    /** Where the base picker reads the model versions, page by page and filtered by what is typed. */
    public void setBaseModels(ComboBox.FetchItemsCallback<ModelVersion> versions) {
        LazyPaging.pick(baseModel, versions);
    }

    /**
     * Fills the form with a job's settings, to be edited into a new job. Settings the form has no field
     * for (e.g. feature dropout, layers frozen by name, the early-stopping metric, CPU and memory) are kept
     * from that job, and the form says so. A dataset or base version no longer offered (archived) is left
     * for the user to choose.
     */
    public void startFrom(TrainingJob job) {
        TrainingSettings settings = job.settings();
        kind.setValue(job.kind);
        modelName.setValue(job.modelName);
        dataset.setValue(job.datasetVersion.archived() ? null : job.datasetVersion);
        baseModel.setValue(job.baseVersion);
        if (job.kind == JobKind.PRETRAIN) {
            architecture.show(settings.architecture());
        }
        strategy.startFrom(settings.strategy());
        baseScheduling = job.scheduling();
        priority.setValue(baseScheduling.priority());
        gpus.setValue(baseScheduling.resources().gpus());
        maxRuntimeMinutes.setValue(baseScheduling.maxRuntimeMinutes());
        origin.setText("Cloned from job " + job.id + ": edit what you need. Settings this form has no field for"
                + " (e.g. feature dropout, layers frozen by name, the early-stopping metric, CPU, memory and"
                + " retries) come from job " + job.id + " unchanged.");
        origin.setVisible(true);
    }

    public Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    void submit() {
        read().ifPresent(submission -> fireEvent(new SubmitEvent(this, submission)));
    }

    /** The submission, or empty after marking what is missing or out of bounds. */
    Optional<JobSubmission> read() {
        error.setText("");
        boolean fineTune = kind.getValue() == JobKind.FINETUNE;
        boolean complete = required(modelName, modelName.getValue().isBlank() ? null : modelName.getValue())
                & required(dataset, dataset.getValue())
                & (!fineTune || required(baseModel, baseModel.getValue()));
        try {
            ArchitectureSpec network = fineTune ? null : architecture.read();
            TrainingStrategy trainingStrategy = strategy.read();
            JobScheduling scheduling = scheduling();
            if (!complete) {
                return Optional.empty();
            }
            return Optional.of(new JobSubmission(kind.getValue(), modelName.getValue().strip(),
                    dataset.getValue().id, fineTune ? baseModel.getValue().id : null, network, trainingStrategy, null,
                    scheduling));
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            return Optional.empty();
        }
    }

    private JobScheduling scheduling() {
        JobScheduling base = baseScheduling;
        JobResources resources = new JobResources(valueOr(gpus, base.resources().gpus()),
                base.resources().cpu(), base.resources().memoryMiB());
        return new JobScheduling(valueOr(priority, base.priority()), resources,
                valueOr(maxRuntimeMinutes, base.maxRuntimeMinutes()), base.maxRetries());
    }

    private static int valueOr(IntegerField field, int fallback) {
        return field.getValue() == null ? fallback : field.getValue();
    }

    private static boolean required(HasValidation field, Object value) {
        field.setInvalid(value == null);
        if (value == null) {
            field.setErrorMessage("Required");
        }
        return value != null;
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
