package dev.temper.evaluation;

import dev.temper.base.problem.ProblemException;
import dev.temper.contract.EvaluationSubmission;
import dev.temper.contract.RobustPoint;
import dev.temper.engine.evaluation.AdversarialStrip;
import dev.temper.engine.evaluation.PerExampleOutcomes;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the server verifies of an image evaluation's strip of adversarial examples before it is stored: it is
 * bounded, shaped like the dataset version's images, its pixels are finite intensities in [0, 1], labels and
 * predictions are classes of the version, each adversarial image lies within the threat model's largest epsilon
 * of its clean image, and an example shown as fooled is not one the per-example outcomes count as robust.
 */
final class StripCheck {

    /** The largest strip a worker may send: {@link AdversarialStrip#MAX_EXAMPLES} pairs of the largest images. */
    static final int MAX_BYTES = 64 + AdversarialStrip.MAX_EXAMPLES
            * (64 + 2 * 4 * AdversarialStrip.MAX_VALUES);
    /** float32 pixels and float64 epsilon: this only absorbs rounding. */
    private static final double DISTANCE_TOLERANCE = 1e-5;

    private StripCheck() {
    }

    /**
     * @param imageShape the version's height, width and channels; null for a table
     * @return the strip's bytes, or null when none was sent
     */
    static byte[] check(EvaluationSubmission s, PerExampleOutcomes outcomes, List<Integer> imageShape,
            int classCount, int testCount) {
        String encoded = s.adversarialExamples();
        if (encoded == null) {
            return null;
        }
        if (imageShape == null) {
            throw refuse("only image models send a strip; this dataset version is a table");
        }
        if (encoded.length() > (MAX_BYTES + 2) / 3 * 4) {
            throw refuse("larger than " + MAX_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw refuse("not base64");
        }
        AdversarialStrip strip;
        try {
            strip = AdversarialStrip.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw refuse(e.getMessage());
        }
        if (strip.height() != imageShape.get(0) || strip.width() != imageShape.get(1)
                || strip.channels() != imageShape.get(2)) {
            throw refuse("images of " + strip.height() + "x" + strip.width() + "x" + strip.channels()
                    + ", the dataset version's are " + imageShape.get(0) + "x" + imageShape.get(1) + "x"
                    + imageShape.get(2));
        }
        if (strip.classCount() != classCount) {
            throw refuse(strip.classCount() + " classes, the dataset version has " + classCount);
        }
        if (!strip.norm().equals(s.threatModel().norm())) {
            throw refuse("norm " + strip.norm() + ", the threat model's is " + s.threatModel().norm());
        }
        double largest = s.threatModel().epsilons().stream().mapToDouble(e -> e).max().orElse(0);
        if (strip.epsilon() != largest || largest <= 0) {
            throw refuse("epsilon " + strip.epsilon() + " is not the threat model's largest (" + largest + ")");
        }
        if (strip.examples().isEmpty()) {
            throw refuse("no examples; send no strip instead");
        }
        Set<String> attacks = new HashSet<>();
        s.robust().stream().map(RobustPoint::attack).filter(a -> !RobustPoint.WORST_CASE.equals(a)).forEach(attacks::add);
        BitSet robust = outcomes.survived().getOrDefault(PerExampleOutcomes.WORST_CASE, new TreeMap<>())
                .get(strip.epsilon());
        int[] positions = outcomes.positions();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < strip.examples().size(); i++) {
            AdversarialStrip.Example e = strip.examples().get(i);
            String at = "example " + i + ": ";
            int index = Arrays.binarySearch(positions, e.position());
            if (e.position() < 0 || e.position() >= testCount || index < 0 || !seen.add(e.position())) {
                throw refuse(at + "position " + e.position() + " is not an evaluated test example, or is given twice");
            }
            if (!attacks.contains(e.attack())) {
                throw refuse(at + "attack '" + e.attack() + "' is not one of the evaluation's " + attacks);
            }
            for (int label : new int[] {e.label(), e.cleanPrediction(), e.adversarialPrediction()}) {
                if (label < 0 || label >= classCount) {
                    throw refuse(at + "class " + label + " is not between 0 and " + (classCount - 1));
                }
            }
            pixels(at + "clean image", e.clean());
            pixels(at + "adversarial image", e.adversarial());
            double distance = e.distance(strip.norm());
            if (distance > strip.epsilon() + DISTANCE_TOLERANCE) {
                throw refuse(at + "the adversarial image is " + distance + " from the clean one under " + strip.norm()
                        + ", more than epsilon " + strip.epsilon());
            }
            if (e.fooled() && robust != null && robust.get(index)) {
                throw refuse(at + "shown as fooled, but the per-example outcomes count it robust at epsilon "
                        + strip.epsilon());
            }
        }
        return bytes;
    }

    private static void pixels(String what, float[] image) {
        for (int j = 0; j < image.length; j++) {
            if (!(image[j] >= 0f && image[j] <= 1f)) {
                throw refuse(what + " has " + image[j] + " at value " + j + "; pixel intensities lie in [0, 1]");
            }
        }
    }

    private static ProblemException refuse(String detail) {
        return ProblemException.badRequest("Evaluation refused: adversarialExamples: " + detail);
    }
}
