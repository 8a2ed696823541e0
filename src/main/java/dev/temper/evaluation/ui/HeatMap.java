package dev.temper.evaluation.ui;

import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;

/**
 * A small table of numbers, each cell shaded by a share in [0, 1], laid out with CSS grid from plain divs (Vaadin
 * Charts is commercial). Meant for tens of rows and columns: confusion matrices, corruption type x severity,
 * 2x2 tables.
 */
final class HeatMap extends Div {

    /** A cell: its text, its shade in [0, 1] (null for no shade) and a tooltip. */
    record Cell(String text, Double shade, String title) {
    }

    /**
     * @param corner  text of the top-left cell, naming what rows and columns are
     * @param cells   one row of cells per row label, one cell per column label
     */
    HeatMap(String corner, List<String> rowLabels, List<String> columnLabels, List<List<Cell>> cells) {
        addClassName("heat-map");
        getStyle().set("display", "grid")
                .set("grid-template-columns", "max-content repeat(" + columnLabels.size() + ", minmax(3.2em, max-content))")
                .set("gap", "1px")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-variant-numeric", "tabular-nums")
                .set("max-width", "100%")
                .set("overflow-x", "auto");
        add(header(corner));
        columnLabels.forEach(label -> add(header(label)));
        for (int r = 0; r < rowLabels.size(); r++) {
            add(header(rowLabels.get(r)));
            for (Cell cell : cells.get(r)) {
                add(cell(cell));
            }
        }
    }

    private static Div header(String text) {
        Div header = new Div(text);
        header.addClassName("heat-header");
        header.getStyle().set("padding", "2px 6px").set("font-weight", "600").set("white-space", "nowrap");
        return header;
    }

    private static Div cell(Cell cell) {
        Div div = new Div(cell.text());
        div.addClassName("heat-cell");
        div.getStyle().set("padding", "2px 6px").set("text-align", "right");
        if (cell.shade() != null && Double.isFinite(cell.shade())) {
            double shade = Math.max(0, Math.min(1, cell.shade()));
            // Lumo's primary blue at the share's opacity; white text where the cell is dark.
            div.getStyle().set("background", String.format(Locale.ROOT, "rgba(22, 118, 243, %.3f)", 0.08 + 0.87 * shade));
            if (shade > 0.55) {
                div.getStyle().set("color", "white");
            }
        }
        if (cell.title() != null) {
            div.getElement().setAttribute("title", cell.title());
        }
        return div;
    }
}
