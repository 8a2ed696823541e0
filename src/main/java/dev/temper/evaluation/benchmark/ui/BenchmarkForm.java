package dev.temper.evaluation.benchmark.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.temper.dataset.DatasetVersion;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.evaluation.benchmark.Benchmark;
import dev.temper.evaluation.benchmark.NewBenchmark;
import dev.temper.ui.LazyPaging;
import java.util.ArrayList;
import java.util.List;

/**
 * Defines a benchmark: name, dataset version, norm, epsilons and suite. Emits a {@link SubmitEvent} with what was
 * typed; the service checks it (the form only parses the epsilons so that a typo is named here).
 */
class BenchmarkForm extends Composite<FormLayout> {

    /** What the user asked for, or a message saying what cannot be read. */
    static final class SubmitEvent extends ComponentEvent<BenchmarkForm> {

        private final NewBenchmark request;
        private final String problem;

        SubmitEvent(BenchmarkForm source, NewBenchmark request, String problem) {
            super(source, false);
            this.request = request;
            this.problem = problem;
        }

        NewBenchmark request() {
            return request;
        }

        String problem() {
            return problem;
        }
    }

    final TextField name = new TextField("Name");
    final ComboBox<DatasetVersion> dataset = new ComboBox<>("Dataset version (its test split)");
    final Select<Norm> norm = new Select<>();
    final TextField epsilons = new TextField("Epsilons");
    final Select<SuiteVersion> suite = new Select<>();
    final Button create = new Button("Create benchmark");

    /** {@code datasets}: the versions a benchmark may be defined on, read page by page as the picker scrolls. */
    BenchmarkForm(ComboBox.FetchItemsCallback<DatasetVersion> datasets) {
        name.setId("benchmark-name");
        name.setMaxLength(Benchmark.NAME_MAX_LENGTH);
        dataset.setId("benchmark-dataset");
        LazyPaging.pick(dataset, datasets);
        dataset.setItemLabelGenerator(DatasetVersion::label);
        norm.setId("benchmark-norm");
        norm.setLabel("Norm");
        norm.setItems(Norm.values());
        norm.setItemLabelGenerator(Norm::label);
        norm.setValue(Norm.LINF);
        epsilons.setId("benchmark-epsilons");
        epsilons.setHelperText("Comma-separated, in the dataset's unit (pixels in [0, 1] for images), e.g. 0.1, 0.3");
        suite.setId("benchmark-suite");
        suite.setLabel("Suite");
        suite.setItems(SuiteVersion.values());
        suite.setValue(SuiteVersion.STANDARD);
        create.setId("benchmark-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> submit());
        getContent().add(name, dataset, norm, epsilons, suite, create);
    }

    Registration addSubmitListener(com.vaadin.flow.component.ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    private void submit() {
        List<Double> values = new ArrayList<>();
        for (String part : epsilons.getValue().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                values.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                fireEvent(new SubmitEvent(this, null, "Epsilons: '" + part.strip() + "' is not a number"));
                return;
            }
        }
        DatasetVersion version = dataset.getValue();
        fireEvent(new SubmitEvent(this, new NewBenchmark(name.getValue(), version == null ? null : version.id,
                norm.getValue() == null ? null : norm.getValue().name(), values,
                suite.getValue() == null ? null : suite.getValue().name()), null));
    }
}
