package dev.temper.modelcard;

import dev.temper.engine.evaluation.compare.McNemar;
import dev.temper.modelcard.ModelCardFacts.Adversarial;
import dev.temper.modelcard.ModelCardFacts.Attack;
import dev.temper.modelcard.ModelCardFacts.BaseComparison;
import dev.temper.modelcard.ModelCardFacts.Corruption;
import dev.temper.modelcard.ModelCardFacts.DataFacts;
import dev.temper.modelcard.ModelCardFacts.Details;
import dev.temper.modelcard.ModelCardFacts.Estimate;
import dev.temper.modelcard.ModelCardFacts.EvaluationFacts;
import dev.temper.modelcard.ModelCardFacts.Flag;
import dev.temper.modelcard.ModelCardFacts.IntendedUse;
import dev.temper.modelcard.ModelCardFacts.PairedTest;
import dev.temper.modelcard.ModelCardFacts.Pairing;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A card's facts as the records of a PGD fine-tuned digit classifier would give them: evaluated on 1,000 test
 * digits (12 left out as seen in training) under L-inf in pixels at two radii, with corruptions, one reliability
 * flag, and its base measured on the same dataset version.
 */
final class CardFixture {

    static final Instant WHEN = Instant.parse("2026-12-01T10:15:00Z");
    static final String DIGITS_SHA = "d1".repeat(32);
    static final String MODEL_SHA = "a7".repeat(32);

    private CardFixture() {
    }

    static DataFacts digits() {
        return new DataFacts("team-a", "digits", 2, DIGITS_SHA, "IMAGE", List.of(28, 28, 1), 7000, 1500, 1500,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), "pixel intensity, images in [0, 1]",
                "upload");
    }

    static EvaluationFacts evaluation(List<Flag> flags, BaseComparison base) {
        SortedMap<Double, Estimate> worst = new TreeMap<>(Map.of(
                0.1, new Estimate(0.812, 0.787, 0.835, 812, 1000),
                0.3, new Estimate(0.403, 0.373, 0.434, 403, 1000)));
        SortedMap<String, SortedMap<Double, Estimate>> byAttack = new TreeMap<>();
        byAttack.put("apgd-ce", new TreeMap<>(Map.of(0.1, new Estimate(0.83, 0.806, 0.852, 830, 1000),
                0.3, new Estimate(0.45, 0.419, 0.481, 450, 1000))));
        byAttack.put("square", new TreeMap<>(Map.of(0.1, new Estimate(0.9, 0.88, 0.917, 900, 1000))));
        Map<String, Object> apgd = new LinkedHashMap<>();
        apgd.put("iterations", 100);
        apgd.put("restarts", 1);
        return new EvaluationFacts(41, digits(), 1000, 1500, 12, "CHECKED", new Estimate(0.97, 0.958, 0.979, null, 1000),
                0.031, 0.112, "LINF", "PIXELS", "L-inf, epsilon 0.1, 0.3 in pixel intensity, images in [0, 1]",
                "STANDARD", worst, byAttack, List.of(new Attack("apgd-ce", apgd),
                        new Attack("square", Map.of("queries", 1000))),
                List.of(new Corruption("GAUSSIAN_NOISE", 0.91, List.of(0.96, 0.94, 0.91, 0.88, 0.86), 0.8)),
                0.91, 0.85, flags.isEmpty(), flags, MODEL_SHA, "1.4.0", 7L, WHEN, base);
    }

    static BaseComparison base() {
        return new BaseComparison("digits-cnn v1", new Estimate(0.985, 0.976, 0.991, null, 1000),
                new TreeMap<>(Map.of(0.1, new Estimate(0.412, 0.382, 0.443, 412, 1000))), "same", pairing());
    }

    /** The tests the records of both versions' per-example outcomes give: 985 vs 970 right, 412 vs 812 robust. */
    static Pairing pairing() {
        return new Pairing(List.of(
                new PairedTest(null, 1000, 4, 19, McNemar.exactPValue(4, 19), "digits-cnn v1 is more accurate on "
                        + "clean inputs: 19 examples are right only under digits-cnn v1, 4 only under digits-cnn v2, "
                        + "p = 0.0026."),
                new PairedTest(0.1, 1000, 420, 20, McNemar.exactPValue(420, 20), "digits-cnn v2 is more robust at "
                        + "epsilon 0.1: 420 examples survive only under digits-cnn v2, 20 only under digits-cnn v1, "
                        + "p < 0.001.")), null);
    }

    static ModelCardFacts facts(IntendedUse use, List<EvaluationFacts> evaluations) {
        return new ModelCardFacts(
                new Details("team-a", "digits-cnn", 2, MODEL_SHA, "CNN on 28x28x1 images, convolutions [16, 32], dense [64]",
                        digits().classes(), "alice", WHEN, 17, "digits-cnn v1"),
                use, null, digits(), List.of("6 epochs, batch 64, seed 42", "Adversarial training: PGD-7, epsilon 0.1"),
                new Adversarial("PGD-7, epsilon 0.1, step 0.025, random start, 50% of each batch replaced", "PGD",
                        Map.of("epsilon", 0.1, "steps", 7)),
                evaluations, evaluations.size(), WHEN);
    }

    static ModelCardFacts pgdFineTuned() {
        return facts(new IntendedUse("Reading handwritten digits on bank forms.\nNot for signatures.",
                "Digits written with a fountain pen were rare in the data.", "alice", WHEN, 5),
                List.of(evaluation(List.of(new Flag("NOT_MONOTONE", "accuracy rises from eps 0.1 to 0.2")), base())));
    }
}
