package dev.temper.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Flag;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.testsupport.Submissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SubmissionCheckTest {

    private static final SubmissionCheck.Expected TABLE = new SubmissionCheck.Expected(20, EpsilonUnit.TRAIN_STD,
            OverlapCheck.SAME_VERSION);
    private final Submissions valid = Submissions.of(16, 20, OverlapCheck.SAME_VERSION);

    @Test
    void aConsistentReportPassesWithItsOutcomesDecoded() {
        SubmissionCheck.Checked checked = SubmissionCheck.check(valid.build(), TABLE);

        assertThat(checked.outcomes()).isEqualTo(valid.outcomes());
        assertThat(checked.perExample()).isEqualTo(valid.outcomes().encode());
    }

    @Test
    void anIntervalThatMissesItsValueIsRefused() {
        List<RobustPoint> points = new ArrayList<>(valid.points());
        RobustPoint p = points.get(1);
        points.set(1, new RobustPoint(p.attack(), p.epsilon(), p.accuracy(), p.accuracy() + 0.01, p.upper(),
                p.correct(), p.examples()));
        refused(valid.build(points, encoded(valid)), "does not contain");
    }

    @Test
    void anAccuracyThatIsNotItsCountsIsRefused() {
        List<RobustPoint> points = new ArrayList<>(valid.points());
        RobustPoint p = points.get(0);
        points.set(0, new RobustPoint(p.attack(), p.epsilon(), 0.9, 0.0, 1.0, p.correct(), p.examples()));
        refused(valid.build(points, encoded(valid)), "is not 8/16");
    }

    @Test
    void moreThanTwelveEpsilonsAreRefused() {
        List<Double> thirteen = IntStream.range(0, 13).mapToObj(i -> i / 100.0).toList();
        refused(valid.build(valid.points(), encoded(valid), new Threat("LINF", "TRAIN_STD", thirteen, "many")),
                "at most 12 epsilons");
    }

    @Test
    void moreThanSixteenAttacksAreRefused() {
        List<RobustPoint> points = new ArrayList<>(valid.points());
        for (int a = 0; a < 17; a++) {
            RobustPoint p = points.get(1);
            points.add(new RobustPoint("attack-" + a, p.epsilon(), p.accuracy(), p.lower(), p.upper(), p.correct(),
                    p.examples()));
        }
        refused(valid.build(points, encoded(valid)), "at most 16 attacks");
    }

    @Test
    void namesMustBeShortAndPrintable() {
        List<RobustPoint> points = new ArrayList<>(valid.points());
        RobustPoint p = points.get(1);
        points.set(1, new RobustPoint("pgd\u0000<script>", p.epsilon(), p.accuracy(), p.lower(), p.upper(), p.correct(),
                p.examples()));
        refused(valid.build(points, encoded(valid)), "robust.attack");
    }

    @Test
    void reliableWithFlagsIsRefused() {
        EvaluationSubmission flagged = valid.withFlags(List.of(new Flag("NOT_MONOTONE", "rises at 0.3"))).build();
        EvaluationSubmission lying = new EvaluationSubmission(flagged.examples(), flagged.cleanAccuracy(),
                flagged.cleanLower(), flagged.cleanUpper(), flagged.expectedCalibrationError(),
                flagged.negativeLogLikelihood(), flagged.threatModel(), flagged.suite(), flagged.robust(),
                flagged.flags(), true, flagged.overlap(), flagged.perExampleOutcomes(), null,
                null, flagged.modelSha256(), flagged.engineVersion(), flagged.reportJson());

        refused(lying, "reliable");
        assertThat(SubmissionCheck.check(flagged, TABLE).submission().reliable()).isFalse();
    }

    @Test
    void outcomesThatDoNotDecodeOrCountOtherwiseAreRefused() {
        refused(valid.build(valid.points(), "not base64!"), "not base64");
        refused(valid.build(valid.points(), Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})),
                "perExampleOutcomes");
        Submissions fewer = Submissions.of(15, 20, OverlapCheck.SAME_VERSION);
        refused(valid.build(valid.points(), encoded(fewer)), "15 examples");
        Submissions otherBits = valid.withCounts(valid.clean(), valid.robust() - 1);
        refused(valid.build(valid.points(), encoded(otherBits)), "survive");
    }

    @Test
    void countsMustFitTheTestSplitAndTheUnitTheVersionDeclares() {
        refused(Submissions.of(21, 20, OverlapCheck.SAME_VERSION).build(), "examples");
        refused(valid.build(valid.points(), encoded(valid), new Threat("LINF", "RAW_FEATURES", List.of(0.1), "raw")),
                "TRAIN_STD");
        refused(Submissions.of(16, 20, OverlapCheck.UNKNOWN).build(), "allow SAME_VERSION");
        int[] beyond = IntStream.range(10, 26).toArray();
        refused(valid.withOverlap(OverlapCheck.SAME_VERSION, 0, beyond).build(), "outside a test split of 20");
    }

    @Test
    void onlyACheckedOverlapExcludesExamples() {
        SubmissionCheck.Expected checked = new SubmissionCheck.Expected(20, EpsilonUnit.TRAIN_STD, OverlapCheck.CHECKED);
        int[] positions = IntStream.range(4, 20).toArray();
        EvaluationSubmission excluding = valid.withOverlap(OverlapCheck.CHECKED, 4, positions).build();

        assertThat(SubmissionCheck.check(excluding, checked).submission().overlap().excluded()).isEqualTo(4);
        assertThatThrownBy(() -> SubmissionCheck.check(valid.withOverlap(OverlapCheck.CHECKED, 5, positions).build(),
                checked)).isInstanceOf(ProblemException.class).hasMessageContaining("examples");
    }

    @Test
    void anOversizedEngineReportIsRefused() {
        String huge = "{\"x\":\"" + "a".repeat(ReportEvidence.MAX_REPORT_CHARS) + "\"}";
        refused(dev.temper.testsupport.EvidenceReports.withReport(valid.build(), huge), "reportJson");
    }

    private static String encoded(Submissions s) {
        return Base64.getEncoder().encodeToString(s.outcomes().encode());
    }

    private static void refused(EvaluationSubmission submission, String because) {
        assertThatThrownBy(() -> SubmissionCheck.check(submission, TABLE)).isInstanceOf(ProblemException.class)
                .hasMessageContaining(because).extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
    }
}
