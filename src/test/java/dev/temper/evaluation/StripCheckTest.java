package dev.temper.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.EvaluationSubmission.Threat;
import dev.temper.contract.OverlapCheck;
import dev.temper.engine.evaluation.AdversarialStrip;
import dev.temper.engine.evaluation.AdversarialStrip.Example;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.testsupport.Strips;
import dev.temper.testsupport.Submissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's checks of a strip of adversarial examples sent with an image evaluation. */
class StripCheckTest {

    private static final int VALUES = 16;
    private static final SubmissionCheck.Expected IMAGES = new SubmissionCheck.Expected(20, EpsilonUnit.PIXELS,
            OverlapCheck.SAME_VERSION, List.of(4, 4, 1), 10);
    private final Submissions report = Submissions.of(16, 20, OverlapCheck.SAME_VERSION);
    private final Strips valid = Strips.consistentWith(report, 4, 4, 1, 10);

    @Test
    void aConsistentStripPassesAsSent() {
        SubmissionCheck.Checked checked = SubmissionCheck.check(submission(valid.base64()), IMAGES);
        assertThat(checked.strip()).isEqualTo(valid.strip().encode());
        assertThat(SubmissionCheck.check(submission(null), IMAGES).strip()).isNull();
    }

    @Test
    void anAdversarialImageBeyondEpsilonIsRefused() {
        Example fooled = valid.examples().get(1);
        float[] tampered = fooled.adversarial().clone();
        tampered[3] = Strips.GREY + 0.3f;
        refused(valid.withExample(1, with(fooled, fooled.clean(), tampered)), "more than epsilon 0.1");
    }

    @Test
    void pixelsOutsideTheUnitRangeOrNotFiniteAreRefused() {
        Example held = valid.examples().get(0);
        float[] bright = held.clean().clone();
        bright[0] = 1.2f;
        float[] moved = bright.clone();
        moved[0] = 1.15f;
        refused(valid.withExample(0, with(held, bright, moved)), "pixel intensities lie in [0, 1]");
        float[] nan = held.adversarial().clone();
        nan[5] = Float.NaN;
        refused(valid.withExample(0, with(held, held.clean(), nan)), "has NaN");
    }

    @Test
    void labelsAndPredictionsOutsideTheClassesAreRefused() {
        Example held = valid.examples().get(0);
        refused(valid.withExample(0, new Example(0, held.attack(), 10, 1, 1, held.clean(), held.adversarial())),
                "class 10 is not between 0 and 9");
        refused(valid.withExample(0, new Example(0, held.attack(), 1, 1, -1, held.clean(), held.adversarial())),
                "class -1");
    }

    @Test
    void anExampleShownFooledThatTheOutcomesCountRobustIsRefused() {
        Example held = valid.examples().get(0);
        refused(valid.withExample(0, new Example(0, held.attack(), 1, 1, 4, held.clean(), held.adversarial())),
                "count it robust");
    }

    @Test
    void aStripOfOtherImagesOrAnotherEpsilonOrPositionIsRefused() {
        refused(Strips.consistentWith(report, 4, 4, 3, 10), "the dataset version's are 4x4x1");
        refused(Strips.consistentWith(report, 4, 4, 1, 7), "7 classes");
        Example held = valid.examples().get(0);
        refused(valid.withExample(0, new Example(17, held.attack(), 1, 1, 1, held.clean(), held.adversarial())),
                "position 17 is not an evaluated test example");
        refused(valid.withExample(0, new Example(0, "made-up", 1, 1, 1, held.clean(), held.adversarial())),
                "attack 'made-up'");
        AdversarialStrip small = new AdversarialStrip("LINF", 0.05, 4, 4, 1, 10, valid.examples());
        refused(Base64.getEncoder().encodeToString(small.encode()), "not the threat model's largest");
    }

    @Test
    void oversizedOrMalformedStripsAreRefusedBeforeDecodingMuch() {
        refused("A".repeat(StripCheck.MAX_BYTES / 3 * 4 + 8), "larger than");
        refused("%%%", "not base64");
        byte[] truncated = java.util.Arrays.copyOf(valid.strip().encode(), 40);
        refused(Base64.getEncoder().encodeToString(truncated), "ends early");
        // A count of seventeen examples: the format's own bound, refused before any image is read.
        byte[] seventeen = valid.strip().encode();
        int countAt = 4 + 4 + 2 + 4 + 8 + 4 * 4;
        seventeen[countAt + 3] = 17;
        refused(Base64.getEncoder().encodeToString(seventeen), "at most 16");
    }

    @Test
    void aTableSendsNoStrip() {
        SubmissionCheck.Expected table = new SubmissionCheck.Expected(20, EpsilonUnit.PIXELS,
                OverlapCheck.SAME_VERSION);
        assertThatThrownBy(() -> SubmissionCheck.check(submission(valid.base64()), table))
                .hasMessageContaining("only image models send a strip");
    }

    private static Example with(Example e, float[] clean, float[] adversarial) {
        return new Example(e.position(), e.attack(), e.label(), e.cleanPrediction(), e.adversarialPrediction(), clean,
                adversarial);
    }

    private EvaluationSubmission submission(String strip) {
        return report.build(report.points(), Base64.getEncoder().encodeToString(report.outcomes().encode()),
                new Threat("LINF", "PIXELS", List.of(Submissions.EPSILON), "L-inf, epsilon 0.1 in pixel intensity"))
                .withAdversarialExamples(strip);
    }

    private void refused(Strips strip, String why) {
        refused(strip.base64(), why);
    }

    private void refused(String strip, String why) {
        assertThatThrownBy(() -> SubmissionCheck.check(submission(strip), IMAGES))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessageContaining("adversarialExamples").hasMessageContaining(why);
    }
}
