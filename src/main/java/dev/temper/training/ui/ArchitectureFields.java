package dev.temper.training.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import dev.temper.contract.ArchitectureSpec;
import dev.temper.training.TrainingSettings;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The network a pre-training job builds: MLP widths, or a CNN's image shape and layer sizes. */
class ArchitectureFields {

    final RadioButtonGroup<ArchitectureSpec.Type> type = new RadioButtonGroup<>("Architecture");
    final TextField hiddenWidths = text("Hidden layer widths", "job-hidden-widths",
            joined(TrainingSettings.DEFAULT_ARCHITECTURE.hiddenWidths(), ", "));
    final TextField imageShape = text("Image height x width x channels", "job-image-shape", "28x28x1");
    final TextField convFilters = text("Conv filters per block", "job-conv-filters", "16, 32");
    final TextField denseWidths = text("Dense widths after the convs", "job-dense-widths", "64");

    ArchitectureFields() {
        type.setId("job-architecture");
        type.setItems(ArchitectureSpec.Type.values());
        type.setValue(ArchitectureSpec.Type.MLP);
        type.addValueChangeListener(change -> showFor(change.getValue()));
        showFor(type.getValue());
    }

    /** Shows an existing network, e.g. of a job being cloned. */
    void show(ArchitectureSpec spec) {
        type.setValue(spec.type());
        if (spec.type() == ArchitectureSpec.Type.MLP) {
            hiddenWidths.setValue(joined(spec.hiddenWidths(), ", "));
        } else {
            imageShape.setValue(spec.height() + "x" + spec.width() + "x" + spec.channels());
            convFilters.setValue(joined(spec.convFilters(), ", "));
            denseWidths.setValue(joined(spec.denseWidths(), ", "));
        }
    }

    List<Component> components() {
        return List.of(type, hiddenWidths, imageShape, convFilters, denseWidths);
    }

    /** Only pre-training chooses a network; fine-tuning keeps the base's. */
    void setEnabled(boolean enabled) {
        components().forEach(c -> c.getElement().setEnabled(enabled));
    }

    ArchitectureSpec read() {
        List.of(hiddenWidths, imageShape, convFilters, denseWidths).forEach(f -> f.setInvalid(false));
        if (type.getValue() == ArchitectureSpec.Type.MLP) {
            return ArchitectureSpec.mlp(integers(hiddenWidths, ","));
        }
        List<Integer> shape = integers(imageShape, "x");
        if (shape.size() != 3) {
            throw invalid(imageShape, "Write height x width x channels, e.g. 28x28x1");
        }
        try {
            return ArchitectureSpec.cnn(shape.get(0), shape.get(1), shape.get(2), integers(convFilters, ","),
                    integers(denseWidths, ","));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage().contains("channels") ? imageShape : convFilters, e.getMessage());
        }
    }

    private void showFor(ArchitectureSpec.Type value) {
        boolean cnn = value == ArchitectureSpec.Type.CNN;
        hiddenWidths.setVisible(!cnn);
        imageShape.setVisible(cnn);
        convFilters.setVisible(cnn);
        denseWidths.setVisible(cnn);
    }

    private static String joined(List<Integer> values, String separator) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(separator));
    }

    private static List<Integer> integers(TextField field, String separator) {
        String text = field.getValue().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        try {
            return Arrays.stream(text.split(separator)).map(String::strip).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw invalid(field, "Whole numbers separated by '" + separator + "'");
        }
    }

    private static IllegalArgumentException invalid(TextField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return new IllegalArgumentException(message);
    }

    private static TextField text(String label, String id, String initial) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setValue(initial);
        return field;
    }
}
