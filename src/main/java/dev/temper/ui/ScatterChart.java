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
 * A Chart.js scatter chart (MIT licensed; Vaadin Charts is commercial), both axes from 0 to 1. The data travels
 * as one JSON property so that each update is a single round trip.
 */
@Tag("temper-scatter-chart")
@NpmPackage(value = "chart.js", version = "4.4.1")
@JsModule("./temper-scatter-chart.ts")
public class ScatterChart extends Component implements HasSize {

    /** One point; its label shows in the tooltip. */
    public record Point(double x, double y, String label) {
    }

    public ScatterChart() {
        setWidthFull();
        setHeight("320px");
    }

    /** @param series series name to its points; kept in the map's order (use a LinkedHashMap) */
    public void setSeries(String xTitle, String yTitle, Map<String, List<Point>> series) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("xTitle", xTitle);
        data.put("yTitle", yTitle);
        data.put("series", series);
        getElement().setProperty("data", Json.write(data));
    }
}
