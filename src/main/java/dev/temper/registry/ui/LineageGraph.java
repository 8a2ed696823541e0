package dev.temper.registry.ui;

import dev.temper.dataset.DatasetVersion;
import dev.temper.registry.Lineage;
import dev.temper.registry.ModelVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A version's lineage as an inline SVG drawn on the server (no charting library): columns left to right, each
 * generation's dataset version and base version feed the job that trained the next version. Every node links to
 * its page. Pure, so it is tested without a browser.
 */
final class LineageGraph {

    enum Kind { DATASET, JOB, MODEL }

    record Node(String key, Kind kind, String label, String href, int column, boolean current) {
    }

    record Edge(String from, String to) {
    }

    static final int NODE_WIDTH = 150;
    static final int NODE_HEIGHT = 36;
    private static final int COLUMN_GAP = 40;
    private static final int ROW_GAP = 18;
    private static final int MARGIN = 10;
    private static final int MAX_LABEL = 22;

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private LineageGraph() {
    }

    static LineageGraph of(Lineage lineage) {
        LineageGraph graph = new LineageGraph();
        List<ModelVersion> chain = new ArrayList<>(lineage.ancestors());
        chain.add(lineage.version());
        int column = 0;
        for (ModelVersion version : chain) {
            // Column 2g holds the previous generation's model and this generation's dataset; 2g+1 the job.
            graph.trained(version, column, version == lineage.version());
            column += 2;
        }
        for (ModelVersion child : lineage.derived()) {
            graph.trained(child, column, false);
        }
        return graph;
    }

    /** The dataset, job and model of one version, the job's inputs at {@code column}. */
    private void trained(ModelVersion version, int column, boolean current) {
        String dataset = add(datasetNode(version.datasetVersion, column));
        String job = add(new Node("job-" + version.jobId, Kind.JOB, "job #" + version.jobId, "jobs/" + version.jobId,
                column + 1, false));
        String model = add(new Node("model-" + version.id, Kind.MODEL, version.label(), "models/" + version.id,
                column + 2, current));
        edges.add(new Edge(dataset, job));
        if (version.baseVersion != null) {
            String base = add(new Node("model-" + version.baseVersion.id, Kind.MODEL, version.baseVersion.label(),
                    "models/" + version.baseVersion.id, column, false));
            edges.add(new Edge(base, job));
        }
        edges.add(new Edge(job, model));
    }

    private static Node datasetNode(DatasetVersion dataset, int column) {
        // Keyed by column too: a dataset version reused by a later generation is drawn again beside that
        // generation's base, so its edge does not run behind the boxes in between.
        return new Node("dataset-" + dataset.id + "@" + column, Kind.DATASET, dataset.label(), "datasets/" + dataset.id, column,
                false);
    }

    /** Adds a node unless one with its key is there already (the same version in the same column is drawn once). */
    private String add(Node node) {
        nodes.putIfAbsent(node.key(), node);
        return node.key();
    }

    List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    List<Edge> edges() {
        return List.copyOf(edges);
    }

    String svg() {
        Map<String, int[]> at = new LinkedHashMap<>();
        Map<Integer, Integer> rows = new LinkedHashMap<>();
        int width = 0;
        int height = 0;
        for (Node node : nodes.values()) {
            int row = rows.merge(node.column(), 1, Integer::sum) - 1;
            int x = MARGIN + node.column() * (NODE_WIDTH + COLUMN_GAP);
            int y = MARGIN + row * (NODE_HEIGHT + ROW_GAP);
            at.put(node.key(), new int[] {x, y});
            width = Math.max(width, x + NODE_WIDTH + MARGIN);
            height = Math.max(height, y + NODE_HEIGHT + MARGIN);
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"model-lineage-graph\""
                + " role=\"img\" aria-label=\"Lineage\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " style=\"font: 12px sans-serif; max-width: 100%%\">", width, height, width, height));
        svg.append("<defs><marker id=\"lineage-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#7a869a\"/></marker></defs>");
        for (Edge edge : edges) {
            int[] from = at.get(edge.from());
            int[] to = at.get(edge.to());
            int x1 = from[0] + NODE_WIDTH;
            int y1 = from[1] + NODE_HEIGHT / 2;
            int x2 = to[0];
            int y2 = to[1] + NODE_HEIGHT / 2;
            int bend = Math.max(COLUMN_GAP / 2, (x2 - x1) / 2);
            svg.append(String.format(Locale.ROOT, "<path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#7a869a\""
                    + " stroke-width=\"1.5\" marker-end=\"url(#lineage-arrow)\"/>", x1, y1, x1 + bend, y1, x2 - bend,
                    y2, x2, y2));
        }
        for (Node node : nodes.values()) {
            int[] p = at.get(node.key());
            String fill = switch (node.kind()) {
                case DATASET -> "#e3f2fd";
                case JOB -> "#fff3e0";
                case MODEL -> node.current() ? "#c8e6c9" : "#f1f8e9";
            };
            svg.append("<a href=\"").append(escape(node.href())).append("\" class=\"lineage-")
                    .append(node.kind().name().toLowerCase(Locale.ROOT)).append("\"><title>")
                    .append(escape(node.label())).append("</title>");
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\""
                    + " fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>", p[0], p[1], NODE_WIDTH, NODE_HEIGHT, fill,
                    node.current() ? "#2e7d32" : "#90a4ae", node.current() ? "2.5" : "1"));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#263238\">%s</text>", p[0] + 8,
                    p[1] + 15, kindLabel(node.kind())));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#263238\" font-weight=\"%s\">%s"
                    + "</text>", p[0] + 8, p[1] + 29, node.current() ? "bold" : "normal", escape(shorten(node.label()))));
            svg.append("</a>");
        }
        return svg.append("</svg>").toString();
    }

    private static String kindLabel(Kind kind) {
        return switch (kind) {
            case DATASET -> "dataset";
            case JOB -> "training job";
            case MODEL -> "model";
        };
    }

    private static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "…";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
