package dev.temper.dataset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import dev.temper.base.problem.ProblemException;
import dev.temper.contract.SplitPlan;
import dev.temper.dataset.Dataset;
import dev.temper.dataset.DatasetConfig;
import dev.temper.dataset.DatasetService.Registration;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.UploadCommand;
import dev.temper.dataset.UploadParameters;
import dev.temper.dataset.format.UploadFormat;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.security.CurrentUser;
import dev.temper.ui.BackgroundTask;
import dev.temper.ui.ProblemNotification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Name, format and its options, and the upload. Files stream to temporary files (the upload shows its
 * progress bar meanwhile); registering them (validation, split, profile) runs in the background with
 * an indicator, so a large upload does not freeze the page. IDX needs its images and labels files.
 */
class DatasetUploadForm extends Composite<VerticalLayout> {

    private final CurrentUser user;
    private final DatasetService datasets;
    private final Consumer<Registration> onRegistered;
    private final TextField name = new TextField("Dataset name");
    private final ComboBox<UploadFormat> format = new ComboBox<>("Format");
    private final TextField labelColumn = new TextField("Label column");
    private final TextField idColumn = new TextField("Id column (optional)");
    private final TextField imageShape = new TextField("Image shape (optional)");
    private final ComboBox<EpsilonUnit> epsilonUnit = new ComboBox<>("Attack radius (epsilon) measured in");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final NumberField trainRatio = new NumberField("Train share");
    private final NumberField validationRatio = new NumberField("Validation share");
    private final NumberField testRatio = new NumberField("Test share");
    private final IntegerField seed = new IntegerField("Split seed");
    private final Span error = new Span();
    private final Span working = new Span();
    private final ProgressBar registering = new ProgressBar();
    private final Upload upload = new Upload(UploadHandler.toTempFile(this::received));
    /** Files of the current upload that have arrived; IDX registers once both are here. */
    private final List<Path> received = new ArrayList<>();
    private final List<String> receivedNames = new ArrayList<>();

    DatasetUploadForm(CurrentUser user, DatasetService datasets, DatasetConfig limits,
            Consumer<Registration> onRegistered) {
        this.user = user;
        this.datasets = datasets;
        this.onRegistered = onRegistered;
        name.setId("dataset-name");
        name.setMaxLength(Dataset.NAME_MAX_LENGTH);
        name.setRequired(true);
        format.setId("dataset-format");
        format.setItems(UploadFormat.values());
        format.setItemLabelGenerator(DatasetUploadForm::describe);
        format.setValue(UploadFormat.CSV);
        format.addValueChangeListener(change -> showFormatOptions());
        labelColumn.setId("label-column");
        labelColumn.setValue("label");
        idColumn.setId("id-column");
        imageShape.setId("image-shape");
        imageShape.setPlaceholder("e.g. 28x28x1");
        epsilonUnit.setId("epsilon-unit");
        epsilonUnit.setItems(EpsilonUnit.TRAIN_STD, EpsilonUnit.RAW_FEATURES);
        epsilonUnit.setItemLabelGenerator(unit -> unit == EpsilonUnit.TRAIN_STD
                ? "Standard deviations of each feature (train split)" : "Raw feature units, as uploaded");
        epsilonUnit.setValue(EpsilonUnit.TRAIN_STD);
        epsilonUnit.setWidth("22em");
        epsilonUnit.setHelperText("How far an attacker may move each feature in robustness evaluations: epsilon 0.1 "
                + "is a tenth of a feature's spread, or 0.1 in its own units (pick raw units when all features share "
                + "a meaningful scale). Images are always measured in pixel intensity [0, 1].");
        // Only members of several teams must say which one owns the dataset.
        team.setId("dataset-team");
        team.setItems(user.teams());
        team.setVisible(user.teams().size() > 1);
        trainRatio.setValue(SplitPlan.DEFAULT.train());
        validationRatio.setValue(SplitPlan.DEFAULT.validation());
        testRatio.setValue(SplitPlan.DEFAULT.test());
        seed.setValue((int) SplitPlan.DEFAULT_SEED);
        seed.setId("split-seed");
        Details splitOptions = new Details("Split (stratified, part of the version's identity)",
                new HorizontalLayout(trainRatio, validationRatio, testRatio, seed));
        error.setId("dataset-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        working.setId("dataset-registering");
        registering.setIndeterminate(true);
        registering.setVisible(false);
        working.setVisible(false);

        upload.setId("dataset-upload");
        // The browser refuses a larger file before sending it; the element takes an int (at most 2 GiB - 1).
        upload.setMaxFileSize((int) Math.min(limits.maxUploadBytes(), Integer.MAX_VALUE));
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()));
        showFormatOptions();

        getContent().setPadding(false);
        getContent().add(new HorizontalLayout(name, format, team), new HorizontalLayout(labelColumn, idColumn, imageShape),
                epsilonUnit,
                splitOptions, upload, working, registering, error);
    }

    private static String describe(UploadFormat format) {
        return switch (format) {
            case CSV -> "CSV table";
            case IDX -> "IDX images + labels (MNIST format)";
            case IMAGE_ZIP -> "ZIP of images, a folder per class";
        };
    }

    private void showFormatOptions() {
        UploadFormat chosen = format.getValue() == null ? UploadFormat.CSV : format.getValue();
        labelColumn.setVisible(chosen == UploadFormat.CSV);
        idColumn.setVisible(chosen == UploadFormat.CSV);
        imageShape.setVisible(chosen != UploadFormat.CSV);
        epsilonUnit.setVisible(chosen == UploadFormat.CSV);
        upload.setMaxFiles(chosen == UploadFormat.IDX ? 2 : 1);
        switch (chosen) {
            case CSV -> upload.setAcceptedFileTypes(".csv", "text/csv");
            case IMAGE_ZIP -> upload.setAcceptedFileTypes(".zip", "application/zip");
            case IDX -> upload.setAcceptedFileTypes();
        }
        discardReceived();
    }

    /** Called with the UI locked each time a whole file is on disk. */
    private void received(UploadMetadata metadata, File file) {
        error.setText("");
        if (receivedNames.contains(metadata.fileName())) {
            // The same file again (chosen twice): it is one of the pair already.
            deleteQuietly(file.toPath());
            return;
        }
        received.add(file.toPath());
        receivedNames.add(metadata.fileName());
        UploadFormat chosen = format.getValue() == null ? UploadFormat.CSV : format.getValue();
        if (chosen == UploadFormat.IDX && received.size() < 2) {
            working.setText("Now add the " + (metadata.fileName().contains("label") ? "images" : "labels") + " file");
            working.setVisible(true);
            return;
        }
        UploadCommand command;
        try {
            boolean csv = chosen == UploadFormat.CSV;
            command = new UploadCommand(team.getValue(), name.getValue(), chosen, csv ? labelColumn.getValue() : null,
                    csv ? idColumn.getValue() : null, csv ? null : UploadParameters.imageShape(imageShape.getValue()),
                    UploadParameters.splits(trainRatio.getValue(), validationRatio.getValue(), testRatio.getValue(),
                            seed.getValue() == null ? null : seed.getValue().longValue()),
                    csv ? epsilonUnit.getValue() : null, List.copyOf(received));
        } catch (ProblemException problem) {
            showError(problem.getMessage());
            discardReceived();
            return;
        }
        received.clear();
        receivedNames.clear();
        working.setText("Validating, splitting and profiling " + metadata.fileName() + "...");
        working.setVisible(true);
        registering.setVisible(true);
        BackgroundTask.run(UI.getCurrent(), () -> register(command), this::registered, this::failed);
    }

    private Registration register(UploadCommand command) {
        try {
            return datasets.register(user, command);
        } finally {
            command.files().forEach(DatasetUploadForm::deleteQuietly);
        }
    }

    private void registered(Registration registration) {
        done();
        String label = registration.version().label();
        ProblemNotification.success(registration.reused() ? "Already registered as " + label : "Registered " + label);
        onRegistered.accept(registration);
    }

    private void failed(String message) {
        done();
        showError(message);
    }

    private void done() {
        working.setVisible(false);
        registering.setVisible(false);
        // Ready for the next file (a corrected one, or another dataset).
        upload.clearFileList();
    }

    private void showError(String message) {
        error.setText(message);
        ProblemNotification.error(message);
    }

    private void discardReceived() {
        received.forEach(DatasetUploadForm::deleteQuietly);
        received.clear();
        receivedNames.clear();
        upload.clearFileList();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file; the OS cleans its temp directory.
        }
    }
}
