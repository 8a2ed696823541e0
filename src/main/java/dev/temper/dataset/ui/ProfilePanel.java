package dev.temper.dataset.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.temper.contract.Split;
import dev.temper.dataset.DatasetService;
import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import dev.temper.dataset.profile.DatasetProfile;
import dev.temper.dataset.profile.PreviewImages;
import dev.temper.ui.BarChart;
import dev.temper.ui.Formats;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A version's profile: class distribution as a bar chart per split, imbalance, duplicates and leakage
 * between splits, missing values, value statistics and, for images, a few samples of every class.
 */
class ProfilePanel extends Composite<VerticalLayout> {

    private static final int PREVIEW_SCALE = 3;

    ProfilePanel(DatasetVersion version, DatasetProfile profile, DatasetService datasets) {
        VerticalLayout content = getContent();
        content.setPadding(false);
        content.setId("dataset-profile");
        content.add(new H3("Profile"), classChart(profile), imbalance(profile), duplicates(profile));
        if (profile.missing().cells() > 0) {
            content.add(missing(profile));
        }
        if (profile.image() != null) {
            content.add(new H4("Pixel values per channel"), statsGrid(profile.image().channelStats(), "channel-stats"));
            content.add(new H4("Samples per class"), preview(version, profile, datasets));
        } else {
            content.add(new H4("Features"), statsGrid(profile.features(), "feature-stats"));
        }
    }

    private static BarChart classChart(DatasetProfile profile) {
        BarChart chart = new BarChart();
        chart.setId("class-distribution");
        List<String> names = profile.classes().stream().map(DatasetProfile.ClassCount::name).toList();
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            series.put(split.wireName(), profile.classes().stream()
                    .map(c -> (double) c.perSplit().getOrDefault(split.wireName(), 0)).toList());
        }
        chart.setSeries(names, series);
        return chart;
    }

    private static Span imbalance(DatasetProfile profile) {
        var imbalance = profile.imbalance();
        Span text = new Span(imbalance == null ? "No samples." : String.format(Locale.ROOT,
                "Imbalance ratio %.2f: largest class %s (%d), smallest %s (%d)%s", imbalance.ratio(),
                imbalance.largestClass(), imbalance.largestCount(), imbalance.smallestClass(), imbalance.smallestCount(),
                imbalance.emptyClasses().isEmpty() ? "" : "; empty: " + String.join(", ", imbalance.emptyClasses())));
        text.setId("class-imbalance");
        return text;
    }

    private static VerticalLayout duplicates(DatasetProfile profile) {
        var d = profile.duplicates();
        Span summary = new Span(d.duplicateSamples() + " exact duplicates in " + d.groups() + " groups; "
                + d.conflictingLabelGroups() + " groups with conflicting labels; " + d.crossSplitGroups()
                + " groups span splits (leakage" + (d.crossSplitGroups() == 0 ? ")" : ": " + d.crossSplitPairs() + ")"));
        summary.setId("duplicates-summary");
        if (d.crossSplitGroups() > 0 || d.conflictingLabelGroups() > 0) {
            summary.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        VerticalLayout layout = new VerticalLayout(new H4("Duplicates and leakage"), summary);
        layout.setPadding(false);
        if (!d.examples().isEmpty()) {
            Grid<DatasetProfile.DuplicateGroup> grid = new Grid<>();
            grid.addColumn(DatasetProfile.DuplicateGroup::size).setHeader("Copies").setAutoWidth(true);
            grid.addColumn(g -> g.indices().toString()).setHeader("Sample indices").setAutoWidth(true);
            grid.addColumn(g -> String.join(", ", g.labels())).setHeader("Labels").setAutoWidth(true);
            grid.addColumn(g -> String.join(", ", g.splits())).setHeader("Splits").setAutoWidth(true);
            grid.setItems(d.examples());
            grid.setAllRowsVisible(true);
            layout.add(grid);
        }
        return layout;
    }

    private static VerticalLayout missing(DatasetProfile profile) {
        var m = profile.missing();
        Grid<Map.Entry<String, Long>> grid = new Grid<>();
        grid.setId("missing-values");
        grid.addColumn(Map.Entry::getKey).setHeader("Column");
        grid.addColumn(Map.Entry::getValue).setHeader("Missing cells");
        grid.setItems(new ArrayList<>(m.perColumn().entrySet()));
        grid.setAllRowsVisible(true);
        VerticalLayout layout = new VerticalLayout(new H4("Missing values"),
                new Span(m.cells() + " missing cells in " + m.samplesWithMissing() + " samples"), grid);
        layout.setPadding(false);
        return layout;
    }

    private static Grid<ValueStats> statsGrid(List<ValueStats> stats, String id) {
        Grid<ValueStats> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(ValueStats::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ValueStats::count).setHeader("Values").setAutoWidth(true);
        grid.addColumn(s -> Formats.decimal(s.mean())).setHeader("Mean").setAutoWidth(true);
        grid.addColumn(s -> Formats.decimal(s.std())).setHeader("Std").setAutoWidth(true);
        grid.addColumn(s -> Formats.decimal(s.min())).setHeader("Min").setAutoWidth(true);
        grid.addColumn(s -> Formats.decimal(s.max())).setHeader("Max").setAutoWidth(true);
        grid.setItems(stats);
        grid.setAllRowsVisible(stats.size() <= 20);
        return grid;
    }

    /** Thumbnails as data URLs: a few dozen small PNGs, read from the canonical file in one pass. */
    private static Div preview(DatasetVersion version, DatasetProfile profile, DatasetService datasets) {
        List<Integer> indices = profile.preview().values().stream().flatMap(List::stream).toList();
        Map<Integer, byte[]> pngs;
        try (InputStream in = datasets.openContent(version)) {
            pngs = PreviewImages.collect(in, indices, PREVIEW_SCALE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + version.label() + " for its preview", e);
        }
        Div grid = new Div();
        grid.setId("image-preview");
        profile.preview().forEach((className, classIndices) -> {
            Div row = new Div();
            row.getStyle().set("display", "flex").set("gap", "4px").set("align-items", "center")
                    .set("margin-bottom", "4px");
            Span name = new Span(className);
            name.setWidth("8em");
            row.add(name);
            for (int index : classIndices) {
                byte[] png = pngs.get(index);
                if (png != null) {
                    Image image = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(png),
                            className + " sample " + index);
                    image.addClassName("preview-image");
                    row.add(image);
                }
            }
            grid.add(row);
        });
        return grid;
    }
}
