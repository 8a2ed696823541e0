package dev.temper.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Rows of measurements (section, what, value, how it was measured), printed as one aligned table. */
final class BenchTable {

    private record Row(String section, String metric, String value, String note) {
    }

    private final List<Row> rows = new ArrayList<>();

    void add(String section, String metric, String value, String note) {
        rows.add(new Row(section, metric, value, note));
        System.out.printf(Locale.ROOT, "[bench] %s | %s = %s (%s)%n", section, metric, value, note);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
    }

    static String number(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", value, unit);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.1f s", value);
    }

    void print() {
        int[] widths = {7, 6, 5};
        for (Row row : rows) {
            widths[0] = Math.max(widths[0], row.section().length());
            widths[1] = Math.max(widths[1], row.metric().length());
            widths[2] = Math.max(widths[2], row.value().length());
        }
        String format = "%-" + widths[0] + "s | %-" + widths[1] + "s | %" + widths[2] + "s | %s%n";
        System.out.println();
        System.out.printf(Locale.ROOT, format, "section", "metric", "value", "note");
        System.out.println("-".repeat(widths[0] + widths[1] + widths[2] + 30));
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, format, row.section(), row.metric(), row.value(), row.note());
        }
    }
}
