package dev.temper.training.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.temper.training.JobMetric;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCurvesTest {

    @Test
    void comparedJobsShareAnEpochAxisAndAShorterRunEndsWithGaps() {
        Map<String, List<JobMetric>> byJob = new LinkedHashMap<>();
        byJob.put("Job 3", List.of(metric(1, 0.5, 0.01), metric(2, 0.7, 0.01), metric(3, 0.8, 0.005)));
        byJob.put("Job 5", List.of(metric(1, 0.6, null), metric(2, 0.9, null)));

        assertThat(JobCurves.epochAxis(byJob)).containsExactly("1", "2", "3");
        Map<String, List<Double>> accuracy = JobCurves.compare(byJob, m -> m.validationAccuracy);
        assertThat(accuracy.keySet()).containsExactly("Job 3", "Job 5");
        assertThat(accuracy.get("Job 3")).containsExactly(0.5, 0.7, 0.8);
        assertThat(accuracy.get("Job 5")).containsExactly(0.6, 0.9, null);
        assertThat(JobCurves.compare(byJob, m -> m.learningRate).get("Job 5")).isEqualTo(Arrays.asList(null, null, null));
    }

    @Test
    void robustAccuracyIsChartedOnlyWhenSomeEpochMeasuredIt() {
        JobMetric clean = metric(1, 0.5, 0.01);
        JobMetric adversarial = metric(2, 0.6, 0.01);
        adversarial.robustAccuracy = 0.4;

        assertThat(JobCurves.hasRobustAccuracy(List.of(clean))).isFalse();
        assertThat(JobCurves.hasRobustAccuracy(List.of(clean, adversarial))).isTrue();
        assertThat(JobCurves.robustAccuracy(List.of(clean, adversarial)).get("Robust accuracy"))
                .containsExactly(null, 0.4);
    }

    private static JobMetric metric(int epoch, double validationAccuracy, Double learningRate) {
        JobMetric metric = new JobMetric();
        metric.epoch = epoch;
        metric.validationAccuracy = validationAccuracy;
        metric.validationLoss = 1 - validationAccuracy;
        metric.learningRate = learningRate;
        return metric;
    }
}
