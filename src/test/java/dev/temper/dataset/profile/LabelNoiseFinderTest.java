package dev.temper.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thresholds sit below what was measured with the default settings (printed by each test), so the
 * tests catch a real loss of quality rather than a different random draw.
 */
class LabelNoiseFinderTest {

    /** Six classes of unequal size in 20 dimensions whose clouds overlap (about 89% reachable accuracy). */
    private static final int[] OVERLAPPING_SIZES = {900, 700, 500, 400, 300, 200};
    private static final double OVERLAPPING_SPREAD = 0.65;
    private static final List<String> SIX = CanonicalFiles.names("class-", 6);

    @TempDir
    Path dir;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    private Path write(GaussianClasses data, List<String> classes) {
        return CanonicalFiles.write(dir.resolve("noisy.temper"),
                CanonicalFiles.tabularHeader(CanonicalFiles.names("f", data.dimensions), classes, 0), data.samples);
    }

    private static Quality measure(String name, LabelNoiseReport report, Map<Integer, Integer> trueLabels,
            List<String> classes) {
        List<LabelSuspect> caught = report.suspects().stream().filter(s -> trueLabels.containsKey(s.index())).toList();
        long rightSuggestion = caught.stream()
                .filter(s -> s.suggestedLabel().equals(classes.get(trueLabels.get(s.index())))).count();
        Quality quality = new Quality((double) caught.size() / report.suspects().size(),
                (double) caught.size() / trueLabels.size(), (double) rightSuggestion / caught.size());
        System.out.printf("%s: out-of-fold accuracy %.3f, %d suspects for %d flips, precision %.3f, recall %.3f,"
                + " right suggestion %.3f%n", name, report.outOfFoldAccuracy(), report.suspects().size(),
                trueLabels.size(), quality.precision, quality.recall, quality.rightSuggestion);
        return quality;
    }

    private record Quality(double precision, double recall, double rightSuggestion) {
    }

    @Test
    void recoversMostFlippedLabelsOfOverlappingClasses() throws Exception {
        GaussianClasses data = new GaussianClasses(OVERLAPPING_SIZES, 20, OVERLAPPING_SPREAD, 3);
        Map<Integer, Integer> flipped = data.flipLabels(0.05, 6, 4);

        LabelNoiseReport report = LabelNoiseFinder.find(write(data, SIX), NoiseSearchSettings.DEFAULT,
                ProgressListener.NONE);

        Quality quality = measure("overlapping", report, flipped, SIX);
        assertThat(quality.precision()).isGreaterThan(0.45);
        assertThat(quality.recall()).isGreaterThan(0.55);
        assertThat(quality.rightSuggestion()).isGreaterThan(0.8);
        assertThat(report.outOfFoldAccuracy()).isBetween(0.80, 0.90);
        assertThat(report.folds()).isEqualTo(5);
        assertThat(report.sampleCount()).isEqualTo(3000);
        assertThat(report.suspects()).isSortedAccordingTo(
                Comparator.comparingDouble(LabelSuspect::givenProbability));
        LabelSuspect first = report.suspects().get(0);
        assertThat(first.id()).isEqualTo("s-" + first.index());
        assertThat(first.suggestedProbability()).isGreaterThan(first.givenProbability());
    }

    @Test
    void recoversFlippedLabelsDespiteMissingCells() throws Exception {
        GaussianClasses data = new GaussianClasses(OVERLAPPING_SIZES, 20, 0.8, 8);
        Map<Integer, Integer> flipped = data.flipLabels(0.05, 6, 9);
        data.blankCells(0.1, 10);

        LabelNoiseReport report = LabelNoiseFinder.find(write(data, SIX), NoiseSearchSettings.DEFAULT,
                ProgressListener.NONE);

        Quality quality = measure("missing cells", report, flipped, SIX);
        assertThat(quality.precision()).isGreaterThan(0.6);
        assertThat(quality.recall()).isGreaterThan(0.55);
    }

    @Test
    void aCleanWellSeparatedSetHasFewSuspects() throws Exception {
        GaussianClasses data = new GaussianClasses(new int[] {500, 300, 200, 100}, 10, 3.0, 5);

        LabelNoiseReport report = LabelNoiseFinder.find(write(data, SIX.subList(0, 4)), NoiseSearchSettings.DEFAULT,
                ProgressListener.NONE);

        System.out.printf("clean: out-of-fold accuracy %.3f, %d suspects%n", report.outOfFoldAccuracy(),
                report.suspects().size());
        assertThat(report.suspects().size()).isLessThanOrEqualTo(11);
        assertThat(report.outOfFoldAccuracy()).isGreaterThan(0.98);
        assertThat(report.classThresholds()).containsOnlyKeys(SIX.subList(0, 4));
    }

    @Test
    void progressGoesFromZeroToOneWithoutGoingBack() throws Exception {
        GaussianClasses data = new GaussianClasses(new int[] {200, 100}, 5, 1.0, 6);
        List<Double> fractions = new ArrayList<>();
        List<String> stages = new ArrayList<>();

        LabelNoiseFinder.find(write(data, SIX.subList(0, 2)), new NoiseSearchSettings(3, 4, 32, 0.01, 1e-4, 1),
                (fraction, stage) -> {
                    fractions.add(fraction);
                    stages.add(stage);
                });

        assertThat(fractions.get(0)).isZero();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(fractions).isSorted();
        // reading, read, 3 folds x 4 epochs, ranking, done
        assertThat(fractions).hasSize(2 + 12 + 2);
        assertThat(stages).contains("Training fold 3 of 3");
    }

    @Test
    void stopsWhenCancelled() {
        GaussianClasses data = new GaussianClasses(new int[] {200, 100}, 5, 1.0, 6);
        Path file = write(data, SIX.subList(0, 2));
        AtomicInteger epochs = new AtomicInteger();

        assertThatThrownBy(() -> LabelNoiseFinder.find(file, NoiseSearchSettings.DEFAULT,
                (fraction, stage) -> {
                    if (stage.startsWith("Training")) {
                        epochs.incrementAndGet();
                    }
                }, () -> epochs.get() >= 2))
                .isInstanceOf(CancellationException.class)
                .hasMessage("The search for label errors was cancelled.");
        assertThat(epochs).hasValue(2);
    }

    @Test
    void stopsWhenTheThreadIsInterrupted() {
        GaussianClasses data = new GaussianClasses(new int[] {200, 100}, 5, 1.0, 6);
        Path file = write(data, SIX.subList(0, 2));
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> LabelNoiseFinder.find(file, NoiseSearchSettings.DEFAULT, ProgressListener.NONE))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void refusesFewerSamplesThanFolds() {
        GaussianClasses data = new GaussianClasses(new int[] {2, 1}, 3, 1.0, 6);
        Path file = write(data, SIX.subList(0, 2));

        assertThatThrownBy(() -> LabelNoiseFinder.find(file, NoiseSearchSettings.DEFAULT, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The search for label errors needs at least 5 samples for 5 folds; this dataset has 3.");
    }
}
