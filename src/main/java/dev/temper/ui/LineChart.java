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

/**
 * A Chart.js line chart (MIT licensed; Vaadin Charts is commercial). The data travels as one JSON
 * property so that each update is a single round trip and the client redraws once.
 */
@Tag("temper-line-chart")
@NpmPackage(value = "chart.js", version = "4.4.1")
@JsModule("./temper-line-chart.ts")
public class LineChart extends Component implements HasSize {

    public LineChart() {
        setWidthFull();
        setHeight("320px");
    }

    /**
     * @param labels x-axis labels, one per point
     * @param series line name to values; kept in the map's order (use a LinkedHashMap)
     */
    public void setSeries(List<String> labels, Map<String, List<Double>> series) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.copyOf(labels));
        data.put("series", series);
        getElement().setProperty("data", Json.write(data));
    }
}
