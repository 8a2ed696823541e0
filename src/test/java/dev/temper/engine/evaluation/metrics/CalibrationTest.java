package dev.temper.engine.evaluation.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void perfectlyCalibratedPredictionsHaveNearZeroError() {
        // Each example is right with exactly the probability it claims: accuracy tracks confidence per bin.
        Random random = new Random(5);
        int n = 200_000;
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = 0.34 + 0.66 * random.nextDouble();
            correct[i] = random.nextDouble() < confidence[i];
        }
        Calibration calibration = Calibration.of(confidence, correct, 15);
        assertThat(calibration.expectedCalibrationError()).isLessThan(0.01);
        assertThat(calibration.bins()).hasSize(15);
        assertThat(calibration.bins().stream().mapToInt(Calibration.ReliabilityBin::count).sum()).isEqualTo(n);
    }

    @Test
    void overConfidentPredictionsHaveLargeError() {
        Random random = new Random(6);
        int n = 10_000;
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            confidence[i] = 0.95 + 0.05 * random.nextDouble();
            correct[i] = random.nextDouble() < 0.6;
        }
        Calibration calibration = Calibration.of(confidence, correct, 15);
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.375, within(0.02));
        Calibration.ReliabilityBin top = calibration.bins().get(14);
        assertThat(top.count()).isEqualTo(n);
        assertThat(top.accuracy()).isCloseTo(0.6, within(0.02));
        assertThat(top.meanConfidence()).isCloseTo(0.975, within(0.005));
    }

    @Test
    void confidenceComesFromSoftmaxOfLogits() {
        float[][] logits = {{0f, 0f}, {0f, 0f}};
        Calibration calibration = Calibration.of(logits, new int[] {0, 1}, 15);
        // Both have confidence 0.5 and argmax 0: one right, one wrong, so accuracy 0.5 = confidence.
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.0, within(1e-12));
        assertThat(calibration.bins().get(7).count()).isEqualTo(2);
    }
}
