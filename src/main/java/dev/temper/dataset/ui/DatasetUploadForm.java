package dev.temper.dataset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.server.streams.UploadMetadata;
import dev.temper.base.ProblemException;
import dev.temper.dataset.Dataset;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetService.Registration;
import dev.temper.security.CurrentUser;
import dev.temper.ui.ProblemNotification;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

/**
 * Name, label column and a CSV upload. The upload streams to a temporary file (datasets can be far
 * larger than memory); the file is registered as soon as it has arrived and deleted afterwards.
 */
class DatasetUploadForm extends Composite<VerticalLayout> {

    /** The upload element takes an int; this is 2 GiB less one byte, the largest it can express. */
    private static final int MAX_FILE_SIZE = Integer.MAX_VALUE;

    private final CurrentUser user;
    private final DatasetService datasets;
    private final Consumer<Registration> onRegistered;
    private final TextField name = new TextField("Dataset name");
    private final TextField labelColumn = new TextField("Label column");
    private final ComboBox<String> team = new ComboBox<>("Team");
    private final Span error = new Span();
    private final Upload upload = new Upload(UploadHandler.toTempFile(this::register));

    DatasetUploadForm(CurrentUser user, DatasetService datasets, Consumer<Registration> onRegistered) {
        this.user = user;
        this.datasets = datasets;
        this.onRegistered = onRegistered;
        name.setId("dataset-name");
        name.setMaxLength(Dataset.NAME_MAX_LENGTH);
        name.setRequired(true);
        labelColumn.setId("label-column");
        labelColumn.setValue("label");
        labelColumn.setRequired(true);
        // Only members of several teams must say which one owns the dataset.
        team.setId("dataset-team");
        team.setItems(user.teams());
        team.setVisible(user.teams().size() > 1);
        error.setId("dataset-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        upload.setId("dataset-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_SIZE);
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()));

        getContent().setPadding(false);
        getContent().add(new HorizontalLayout(name, labelColumn, team), upload, error);
    }

    /** Called with the UI locked once the whole file is on disk. */
    private void register(UploadMetadata metadata, File file) {
        error.setText("");
        try {
            Registration registration = datasets.register(user, team.getValue(), name.getValue(),
                    labelColumn.getValue(), file.toPath());
            String label = registration.version().label();
            ProblemNotification.success(registration.reused()
                    ? "Already registered as " + label
                    : "Registered " + label);
            onRegistered.accept(registration);
        } catch (ProblemException problem) {
            showError(problem.getMessage());
        } finally {
            deleteQuietly(file);
            // Ready for the next file (a corrected one, or another dataset).
            upload.clearFileList();
        }
    }

    private void showError(String message) {
        error.setText(message);
        ProblemNotification.error(message);
    }

    private static void deleteQuietly(File file) {
        try {
            Files.deleteIfExists(file.toPath());
        } catch (IOException ignored) {
            // A temporary file; the OS cleans its temp directory.
        }
    }
}
