package dev.temper.evaluation.benchmark;

import dev.temper.base.PlainText;
import dev.temper.base.problem.ProblemException;
import dev.temper.engine.evaluation.SuiteVersion;
import dev.temper.engine.evaluation.attacks.Norm;
import dev.temper.engine.evaluation.threat.EpsilonUnit;
import dev.temper.engine.evaluation.threat.ThreatModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The checks on a benchmark's definition, each refusing with a 400 that names the field and the bound. */
final class BenchmarkDefinition {

    /** A radius beyond this, in any unit, is no longer a perturbation but a different input. */
    static final double MAX_EPSILON = 100;

    private BenchmarkDefinition() {
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name: give the benchmark a name");
        }
        String trimmed = name.strip();
        if (trimmed.length() > Benchmark.NAME_MAX_LENGTH) {
            throw ProblemException.badRequest("name: at most " + Benchmark.NAME_MAX_LENGTH + " characters, got "
                    + trimmed.length());
        }
        return PlainText.requireName(trimmed, "name");
    }

    static Norm norm(String norm) {
        if (norm == null || norm.isBlank()) {
            throw ProblemException.badRequest("norm: one of " + Arrays.toString(Norm.values()));
        }
        try {
            return Norm.valueOf(norm.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("norm: one of " + Arrays.toString(Norm.values()) + ", got '" + norm
                    + "'");
        }
    }

    /** STANDARD when not given. */
    static SuiteVersion suite(String suite) {
        if (suite == null || suite.isBlank()) {
            return SuiteVersion.STANDARD;
        }
        try {
            return SuiteVersion.valueOf(suite.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("suite: one of " + Arrays.toString(SuiteVersion.values()) + ", got '"
                    + suite + "'");
        }
    }

    /** 1 to {@value ThreatModel#MAX_EPSILONS} radii above 0 and at most {@value #MAX_EPSILON}, ascending. */
    static List<Double> epsilons(List<Double> epsilons, Norm norm, EpsilonUnit unit) {
        if (epsilons == null || epsilons.isEmpty()) {
            throw ProblemException.badRequest("epsilons: give 1 to " + ThreatModel.MAX_EPSILONS + " radii, e.g. "
                    + "[0.1, 0.3]");
        }
        if (epsilons.size() > ThreatModel.MAX_EPSILONS) {
            throw ProblemException.badRequest("epsilons: at most " + ThreatModel.MAX_EPSILONS + ", got "
                    + epsilons.size());
        }
        for (Double epsilon : epsilons) {
            if (epsilon == null || !Double.isFinite(epsilon) || epsilon <= 0 || epsilon > MAX_EPSILON) {
                throw ProblemException.badRequest("epsilons: each above 0 and at most " + MAX_EPSILON + ", got "
                        + epsilon);
            }
        }
        try {
            return new ThreatModel(norm, epsilons, unit).epsilons();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("epsilons: " + e.getMessage());
        }
    }
}
