package dev.temper.engine.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonIntervalTest {

    @Test
    void matchesPublishedValues() {
        assertInterval(WilsonInterval.of95(8, 10), 0.4902, 0.9433);
        assertInterval(WilsonInterval.of95(0, 10), 0.0, 0.2775);
        assertInterval(WilsonInterval.of95(10, 10), 0.7225, 1.0);
        assertInterval(WilsonInterval.of95(50, 100), 0.4038, 0.5962);
    }

    @Test
    void rejectsImpossibleCounts() {
        assertThatThrownBy(() -> WilsonInterval.of95(11, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void accuracyCarriesItsInterval() {
        Accuracy accuracy = Accuracy.of(new boolean[] {true, true, false, true});
        assertThat(accuracy.correct()).isEqualTo(3);
        assertThat(accuracy.value()).isEqualTo(0.75);
        assertThat(accuracy.ci95().lower()).isLessThan(0.75);
        assertThat(accuracy.ci95().upper()).isGreaterThan(0.75);
    }

    private static void assertInterval(WilsonInterval interval, double lower, double upper) {
        assertThat(interval.lower()).isCloseTo(lower, within(1e-4));
        assertThat(interval.upper()).isCloseTo(upper, within(1e-4));
    }
}
