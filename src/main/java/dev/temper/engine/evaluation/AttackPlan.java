package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.Apgd;
import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.attacks.Square;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attacks a suite version runs, in order, with their budgets; and the extra attacks the reliability
 * checks need: the lead gradient attack with its iterations scaled (convergence) and a quick attack (epsilon
 * 0, large epsilon, transfer).
 *
 * <p>STANDARD follows AutoAttack's sequence: APGD-CE, targeted APGD with the DLR loss, Square. Two budgets
 * are smaller than AutoAttack's so that 10,000 test images fit in minutes on two CPU cores: targeted APGD
 * aims at the {@value #TARGET_CLASSES} likeliest wrong classes rather than 9, and Square spends
 * {@value #STANDARD_SQUARE_QUERIES} queries rather than 5,000. The convergence and gradient-free checks that
 * run on every evaluation are what tells a reviewer whether these budgets sufficed for the model at hand.
 * QUICK keeps PGD, the quick attack, with a short Square run as its gradient-free member.
 */
final class AttackPlan {

    static final int STANDARD_ITERATIONS = 100;
    static final int TARGET_CLASSES = 3;
    static final int STANDARD_SQUARE_QUERIES = 1000;
    static final int QUICK_ITERATIONS = 20;
    static final int QUICK_SQUARE_QUERIES = 100;

    private final SuiteVersion version;
    private final Norm norm;
    private final InputBounds bounds;
    private final ImageShape shape;
    private final long seed;
    private final int leadIterations;

    AttackPlan(SuiteVersion version, Norm norm, InputBounds bounds, ImageShape shape, long seed) {
        this(version, norm, bounds, shape, seed,
                version == SuiteVersion.QUICK ? QUICK_ITERATIONS : STANDARD_ITERATIONS);
    }

    private AttackPlan(SuiteVersion version, Norm norm, InputBounds bounds, ImageShape shape, long seed,
                       int leadIterations) {
        this.version = version;
        this.norm = norm;
        this.bounds = bounds;
        this.shape = shape;
        this.seed = seed;
        this.leadIterations = leadIterations;
    }

    /**
     * @param features values per input: Square treats a table row as a 1 x features image
     */
    List<AttackStage> stages(int features) {
        if (version == SuiteVersion.QUICK) {
            return List.of(lead(1), square(QUICK_SQUARE_QUERIES, features));
        }
        Apgd targeted = Apgd.targeted(STANDARD_ITERATIONS, TARGET_CLASSES, norm, bounds, seed);
        return List.of(lead(1), new AttackStage(targeted, false, parameters("iterations", STANDARD_ITERATIONS,
                "restarts", 1, "loss", "targeted DLR", "targetClasses", TARGET_CLASSES)),
                square(STANDARD_SQUARE_QUERIES, features));
    }

    /** The first gradient attack with {@code factor} times its iterations. */
    AttackStage lead(int factor) {
        int iterations = leadIterations * factor;
        if (version == SuiteVersion.QUICK) {
            PgdSettings settings = PgdSettings.standard(iterations, 1);
            return new AttackStage(new Pgd(settings, bounds, seed, norm), false, parameters("steps", iterations,
                    "relativeStepSize", settings.relativeStepSize(), "restarts", 1, "randomStart", true));
        }
        return new AttackStage(Apgd.crossEntropy(iterations, norm, bounds, seed), false, parameters("iterations",
                iterations, "restarts", 1, "loss", "cross-entropy", "initialStep", "2 epsilon", "momentum", 0.75));
    }

    int leadIterations() {
        return leadIterations;
    }

    /** The same plan with another budget for the lead attack: how the convergence check is proven to fire. */
    AttackPlan withLeadIterations(int iterations) {
        return new AttackPlan(version, norm, bounds, shape, seed, iterations);
    }

    /** PGD-20 from a random start: enough for the sanity checks, which look for gross failures. */
    Attack quick() {
        return new Pgd(PgdSettings.standard(QUICK_ITERATIONS, 1), bounds, seed + 1, norm);
    }

    private AttackStage square(int queries, int features) {
        Square square = shape == null ? Square.forRows(queries, norm, bounds, seed, features)
                : new Square(queries, Square.defaultPInit(norm), norm, bounds, seed, shape);
        return new AttackStage(square, true, parameters("queries", queries, "pInit", square.pInit(),
                "window", shape == null ? "runs of neighbouring features" : "square image windows"));
    }

    private static Map<String, Object> parameters(Object... keysAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            parameters.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return parameters;
    }
}
