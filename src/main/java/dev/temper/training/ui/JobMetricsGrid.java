package dev.temper.training.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.temper.training.JobMetric;
import dev.temper.ui.Formats;
import java.util.Locale;

/** Loss and accuracy per epoch, the numbers behind the job's chart. */
class JobMetricsGrid extends Grid<JobMetric> {

    JobMetricsGrid() {
        setId("job-metrics-grid");
        setAllRowsVisible(true);
        addColumn(m -> m.epoch).setHeader("Epoch").setAutoWidth(true);
        addColumn(m -> loss(m.trainLoss)).setHeader("Train loss");
        addColumn(m -> Formats.percent(m.trainAccuracy)).setHeader("Train accuracy");
        addColumn(m -> loss(m.validationLoss)).setHeader("Validation loss");
        addColumn(m -> Formats.percent(m.validationAccuracy)).setHeader("Validation accuracy");
    }

    private static String loss(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
