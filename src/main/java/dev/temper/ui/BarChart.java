package dev.temper.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.temper.base.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Chart.js bar chart: one group of bars per label, one bar per series (e.g. per split). */
@Tag("temper-line-chart")
@NpmPackage(value = "chart.js", version = "4.4.1")
@JsModule("./temper-line-chart.ts")
public class BarChart extends Component implements HasSize {

    public BarChart() {
        getElement().setProperty("kind", "bar");
        setWidthFull();
        setHeight("280px");
    }

    /**
     * @param labels one per group of bars
     * @param series bar name to values, one per label; kept in the map's order
     */
    public void setSeries(List<String> labels, Map<String, List<Double>> series) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.copyOf(labels));
        data.put("series", series);
        getElement().setProperty("data", Json.write(data));
    }
}
