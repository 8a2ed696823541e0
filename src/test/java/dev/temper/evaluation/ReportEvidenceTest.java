package dev.temper.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.temper.contract.OverlapCheck;
import dev.temper.testsupport.EvidenceReports;
import dev.temper.testsupport.Submissions;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The result page reads an engine report only as far as it agrees with the checked row, section by section. */
class ReportEvidenceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> CLASSES = List.of("alpha", "beta", "gamma");
    private final Submissions submission = Submissions.of(40, 40, OverlapCheck.SAME_VERSION).withCounts(30, 20);
    private final ReportEvidence.Row row = new ReportEvidence.Row(40, 30, "ab".repeat(32), CLASSES);

    @Test
    void aConsistentReportShowsEverySection() {
        ReportEvidence.Sections s = ReportEvidence.read(EvidenceReports.of(submission, 3), row);

        assertThat(s.notShown()).isEmpty();
        assertThat(s.bins()).hasSize(15);
        assertThat(s.bins().stream().mapToInt(EvaluationEvidence.Bin::count).sum()).isEqualTo(40);
        assertThat(s.confusion().classes()).isEqualTo(CLASSES);
        assertThat(s.confusion().counts()[0][0] + s.confusion().counts()[1][1] + s.confusion().counts()[2][2])
                .isEqualTo(30);
        assertThat(s.perClass()).hasSize(3).allSatisfy(c -> assertThat(c.support()).isBetween(13, 14));
        assertThat(s.perClass().get(0).name()).isEqualTo("alpha");
        assertThat(s.corruptions()).extracting(EvaluationEvidence.CorruptionRow::type)
                .containsExactly("GAUSSIAN_NOISE", "BLUR");
        assertThat(s.corruptions().get(0).bySeverity()).hasSize(5);
        assertThat(s.noise()).singleElement().satisfies(p -> assertThat(p.accuracy().correct()).isEqualTo(29));
        assertThat(s.seed()).isEqualTo(EvidenceReports.SEED);
        assertThat(s.tensorflowVersion()).isEqualTo("2.18.0");
        assertThat(s.djlVersion()).isEqualTo("0.33.0");
        assertThat(s.attacks()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("pgd");
            assertThat(a.parameters()).containsEntry("iterations", 20L).containsEntry("randomStart", true);
        });
    }

    @Test
    void sharesAndIntervalsAreRecomputedFromCountsNotTakenFromTheReport() {
        String json = edit(r -> ((ObjectNode) r.at("/noise/points/0/accuracy")).put("value", 0.99)
                .putObject("ci95").put("lower", 0.98).put("upper", 1.0));
        EvaluationEvidence.Estimate noise = ReportEvidence.read(json, row).noise().get(0).accuracy();
        assertThat(noise.value()).isEqualTo(29 / 40.0);
        assertThat(noise.upper()).isLessThan(0.9);
    }

    @Test
    void aConfusionMatrixThatDoesNotAddUpIsLeftOutWithItsPerClassScores() {
        String json = edit(r -> ((ArrayNode) r.at("/clean/confusion/counts/0")).set(1, IntNode.valueOf(500)));
        ReportEvidence.Sections s = ReportEvidence.read(json, row);
        assertThat(s.confusion()).isNull();
        assertThat(s.perClass()).isEmpty();
        assertThat(s.notShown()).singleElement().asString().startsWith("Confusion matrix: its counts add up to");
        assertThat(s.bins()).hasSize(15);
    }

    @Test
    void aDiagonalThatIsNotTheCleanCountIsLeftOut() {
        String json = edit(r -> {
            ArrayNode first = (ArrayNode) r.at("/clean/confusion/counts/0");
            first.set(0, IntNode.valueOf(first.get(0).intValue() - 1));
            first.set(1, IntNode.valueOf(first.get(1).intValue() + 1));
        });
        assertThat(ReportEvidence.read(json, row).notShown()).singleElement().asString().contains("diagonal");
    }

    @Test
    void binsOfOtherExamplesAndImpossibleSharesAreLeftOut() {
        assertThat(ReportEvidence.read(edit(r -> ((ObjectNode) r.at("/clean/calibration/bins/14")).put("count", 999)),
                row).notShown()).singleElement().asString().startsWith("Reliability diagram: its bins hold");
        assertThat(ReportEvidence.read(edit(r -> ((ObjectNode) r.at("/clean/calibration/bins/3")).put("accuracy", 7)),
                row).notShown()).singleElement().asString().contains("not a share");
    }

    @Test
    void aReportOfAnotherModelShowsNoProvenanceFromIt() {
        String json = edit(r -> ((ObjectNode) r.get("provenance")).put("modelSha256", "cd".repeat(32)));
        ReportEvidence.Sections s = ReportEvidence.read(json, row);
        assertThat(s.seed()).isNull();
        assertThat(s.tensorflowVersion()).isNull();
        assertThat(s.attacks()).isEmpty();
        assertThat(s.notShown()).singleElement().asString().startsWith("Provenance: the report names model cdcd");
    }

    @Test
    void oversizedOrStrangeSectionsAreBounded() {
        String manyClasses = edit(r -> {
            ArrayNode counts = ((ObjectNode) r.at("/clean/confusion")).putArray("counts");
            for (int i = 0; i <= ReportEvidence.MAX_CLASSES; i++) {
                counts.addArray();
            }
        });
        assertThat(ReportEvidence.read(manyClasses, row).notShown()).singleElement().asString()
                .contains("more than the " + ReportEvidence.MAX_CLASSES);
        String nested = edit(r -> ((ObjectNode) r.at("/adversarial/attacks/0/parameters")).putObject("deep")
                .put("x", 1));
        assertThat(ReportEvidence.read(nested, row).notShown()).singleElement().asString()
                .startsWith("Attack parameters: pgd.deep");
        String control = edit(r -> ((ObjectNode) r.at("/adversarial/attacks/0")).put("name", "pgd\u001b[31m"));
        assertThat(ReportEvidence.read(control, row).attacks()).isEmpty();
        String corruptionOfOthers = edit(r -> ((ObjectNode) r.at("/corruptions/types/1/bySeverity/2"))
                .put("examples", 41));
        assertThat(ReportEvidence.read(corruptionOfOthers, row).corruptions()).isEmpty();
    }

    @Test
    void anEmptyMissingOrUnreadableReportSaysSo() {
        assertThat(ReportEvidence.read("{}", row).notShown()).singleElement().asString()
                .startsWith("Clean metrics: not in the report");
        assertThat(ReportEvidence.read(null, row).notShown()).containsExactly(
                "Report: none was stored with this evaluation");
        assertThat(ReportEvidence.read("{\"clean\":", row).notShown()).containsExactly("Report: not readable JSON");
        assertThat(ReportEvidence.read("[1]", row).notShown()).containsExactly("Report: not a JSON object");
        assertThat(ReportEvidence.read(" ".repeat(ReportEvidence.MAX_REPORT_CHARS + 1) + "x", row).notShown())
                .singleElement().asString().contains("longer than");
    }

    private String edit(Consumer<ObjectNode> change) {
        try {
            ObjectNode report = (ObjectNode) MAPPER.readTree(EvidenceReports.of(submission, 3));
            change.accept(report);
            return MAPPER.writeValueAsString(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
