package dev.temper.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.dataset.DatasetVersion;
import dev.temper.dataset.DatasetVersionFixture;
import dev.temper.registry.Lineage;
import dev.temper.registry.ModelVersion;
import dev.temper.registry.ui.LineageGraph.Edge;
import dev.temper.registry.ui.LineageGraph.Kind;
import dev.temper.registry.ui.LineageGraph.Node;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lineage graph: generations left to right, each job fed by its dataset version and base version. */
class LineageGraphTest {

    private final DatasetVersion pretraining = dataset(1, "digits", 1);
    private final DatasetVersion fineTuning = dataset(2, "digits-shifted", 1);
    private final ModelVersion root = model(10, "cnn", 1, pretraining, null, 100);
    private final ModelVersion current = model(11, "cnn", 2, fineTuning, root, 101);
    private final ModelVersion child = model(12, "cnn-<robust>", 1, fineTuning, current, 102);

    @Test
    void drawsDatasetsJobsAndVersionsWithTheirEdges() {
        LineageGraph graph = LineageGraph.of(new Lineage(current, List.of(root), List.of(child), 1));

        assertThat(graph.nodes()).extracting(Node::key).containsExactly("dataset-1@0", "job-100", "model-10",
                "dataset-2@2", "job-101", "model-11", "dataset-2@4", "job-102", "model-12");
        assertThat(graph.edges()).contains(new Edge("dataset-1@0", "job-100"), new Edge("job-100", "model-10"),
                new Edge("dataset-2@2", "job-101"), new Edge("model-10", "job-101"), new Edge("job-101", "model-11"),
                new Edge("dataset-2@4", "job-102"), new Edge("model-11", "job-102"), new Edge("job-102", "model-12"));
        // The base and the next dataset feed the same job, so they share a column.
        assertThat(node(graph, "model-10").column()).isEqualTo(node(graph, "dataset-2@2").column()).isEqualTo(2);
        assertThat(node(graph, "model-11").current()).isTrue();
        assertThat(node(graph, "model-12").column()).isEqualTo(6);
        assertThat(node(graph, "job-100").kind()).isEqualTo(Kind.JOB);
    }

    @Test
    void theSvgLinksEveryNodeToItsPageAndEscapesNames() {
        String svg = LineageGraph.of(new Lineage(current, List.of(root), List.of(child), 1)).svg();

        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("href=\"models/10\"", "href=\"jobs/101\"", "href=\"datasets/2\"", "href=\"models/12\"")
                .contains("cnn-&lt;robust&gt; v1").doesNotContain("<robust>");
        assertThat(svg.split("<rect", -1)).hasSize(10);
    }

    @Test
    void aDatasetVersionIsDrawnOncePerColumn() {
        ModelVersion sibling = model(13, "cnn-b", 1, fineTuning, current, 103);
        LineageGraph graph = LineageGraph.of(new Lineage(current, List.of(root), List.of(child, sibling), 2));

        assertThat(graph.nodes()).extracting(Node::key).filteredOn(k -> k.startsWith("dataset-2")).containsExactly(
                "dataset-2@2", "dataset-2@4");
        assertThat(graph.edges()).contains(new Edge("dataset-2@4", "job-103"), new Edge("model-11", "job-103"));
    }

    @Test
    void aVersionTrainedFromScratchHasOneJobAndItsDataset() {
        LineageGraph graph = LineageGraph.of(new Lineage(root, List.of(), List.of(), 0));

        assertThat(graph.nodes()).extracting(Node::key).containsExactly("dataset-1@0", "job-100", "model-10");
        assertThat(graph.edges()).containsExactly(new Edge("dataset-1@0", "job-100"), new Edge("job-100", "model-10"));
    }

    private static Node node(LineageGraph graph, String key) {
        return graph.nodes().stream().filter(n -> n.key().equals(key)).findFirst().orElseThrow();
    }

    private static DatasetVersion dataset(long id, String name, int version) {
        DatasetVersion d = DatasetVersionFixture.version(name, version, List.of("a", "b"), List.of(4));
        d.id = id;
        return d;
    }

    private static ModelVersion model(long id, String name, int version, DatasetVersion dataset, ModelVersion base,
            long jobId) {
        ModelVersion m = new ModelVersion();
        m.id = id;
        m.team = "team-a";
        m.name = name;
        m.version = version;
        m.datasetVersion = dataset;
        m.baseVersion = base;
        m.jobId = jobId;
        return m;
    }
}
