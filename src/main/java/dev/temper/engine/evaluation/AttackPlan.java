package dev.temper.engine.evaluation;

import dev.temper.engine.evaluation.attacks.Attack;
import dev.temper.engine.evaluation.attacks.CoordinateProposal;
import dev.temper.engine.evaluation.attacks.InputBounds;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.attacks.Pgd;
import dev.temper.engine.evaluation.attacks.PgdSettings;
import dev.temper.engine.evaluation.attacks.RandomSearch;
import dev.temper.engine.evaluation.attacks.SearchProposal;
import dev.temper.engine.evaluation.attacks.SquareProposal;
import dev.temper.engine.evaluation.corruptions.ImageShape;
import java.util.List;
import java.util.Map;

/**
 * The attacks a suite version runs, in order, with their budgets; and the extra attacks the reliability
 * checks need: the lead gradient attack with its iterations scaled (convergence) and a quick attack (large
 * epsilon, transfer).
 */
final class AttackPlan {

    private final SuiteVersion version;
    private final Norm norm;
    private final InputBounds bounds;
    private final ImageShape shape;
    private final long seed;
    private final int leadIterations;

    AttackPlan(SuiteVersion version, Norm norm, InputBounds bounds, ImageShape shape, long seed) {
        this(version, norm, bounds, shape, seed, version == SuiteVersion.QUICK ? 20 : 100);
    }

    private AttackPlan(SuiteVersion version, Norm norm, InputBounds bounds, ImageShape shape, long seed,
                       int leadIterations) {
        this.leadIterations = leadIterations;
        this.version = version;
        this.norm = norm;
        this.bounds = bounds;
        this.shape = shape;
        this.seed = seed;
        if (norm != Norm.LINF) {
            throw new IllegalArgumentException("the " + norm.label() + " threat model is not available in this engine");
        }
    }

    List<AttackStage> stages() {
        return List.of(lead(1), gradientFree());
    }

    /** The first gradient attack with {@code factor} times its iterations. */
    AttackStage lead(int factor) {
        int steps = leadIterations() * factor;
        PgdSettings settings = PgdSettings.standard(steps, 1);
        return new AttackStage(new Pgd(settings, bounds, seed), false, Map.of("steps", steps, "relativeStepSize",
                settings.relativeStepSize(), "restarts", 1, "randomStart", true, "norm", norm.label()));
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
        return new Pgd(PgdSettings.standard(20, 1), bounds, seed + 1);
    }

    private AttackStage gradientFree() {
        int queries = version == SuiteVersion.QUICK ? 100 : 1000;
        SearchProposal proposal = shape == null ? new CoordinateProposal()
                : new SquareProposal(shape.height(), shape.width(), shape.channels());
        return new AttackStage(new RandomSearch(queries, bounds, seed, proposal), true,
                Map.of("queries", queries, "proposal", proposal.name()));
    }
}
