package dev.temper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.temper.engine.evaluation.EvaluationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationSpecTest {

    @Test
    void defaultsAreValid() {
        EvaluationSpec spec = EvaluationSpec.defaults();
        assertThat(spec.attackEpsilons()).contains(0.0);
        assertThat(spec.corruptions()).isFalse();
    }

    @Test
    void rejectsBadValuesWithClearMessages() {
        assertRejected(() -> spec(List.of(-0.1), 10, 1, true, 100, false, 10), "attackEpsilons must all be finite and >= 0");
        assertRejected(() -> spec(List.of(0.1), 0, 1, true, 100, false, 10), "pgdSteps and pgdRestarts must be >= 1");
        assertRejected(() -> spec(List.of(0.1), 10, 0, true, 100, false, 10), "pgdSteps and pgdRestarts must be >= 1");
        assertRejected(() -> spec(List.of(0.1), 10, 1, true, 0, false, 10), "sentinelQueries must be in 1..10000");
        assertRejected(() -> spec(List.of(), 10, 1, true, 100, false, 10), "the sentinel compares against gradient attacks");
        assertRejected(() -> spec(List.of(0.1), 10, 1, false, 0, true, 10), "corruptions apply to images only");
        assertRejected(() -> spec(List.of(0.1), 10, 1, false, 0, false, 0), "maxExamples must be >= 1");
        assertRejected(() -> new EvaluationSpec(List.of(0.1), 10, Double.NaN, 1, false, 0, List.of(), false, null,
                null, 0, 10), "pgdRelativeStepSize must be finite and > 0");
        assertRejected(() -> new EvaluationSpec(List.of(0.1), 10, 0.25, 1, false, 0, null, false, null,
                null, 0, 10), "noiseSigmas must not be null");
    }

    @Test
    void sentinelOffNeedsNoQueryBudget() {
        assertThat(spec(List.of(0.1), 10, 1, false, 0, false, 10).sentinel()).isFalse();
    }

    private static EvaluationSpec spec(List<Double> epsilons, int steps, int restarts, boolean sentinel, int queries,
                                       boolean corruptions, int maxExamples) {
        return new EvaluationSpec(epsilons, steps, 0.25, restarts, sentinel, queries, List.of(0.1), corruptions,
                null, null, 1, maxExamples);
    }

    private static void assertRejected(Runnable construction, String message) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
