package dev.temper.dataset.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.profile.DatasetProfile.DuplicateGroup;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetProfilerTest {

    private static final List<String> FEATURES = List.of("age", "income", "balance", "tenure", "score");
    private static final List<String> CLASSES = List.of("stays", "churns", "upgrades");
    private static final int BASE_ROWS = 600;

    @TempDir
    Path dir;

    /**
     * 600 customers (class sizes about 6:3:1) in a fixed 7/1/2 split by row number, two columns with
     * missing cells, and planted copies appended after them:
     * rows 10, 20, 30 once each (same split, same label), row 40 twice, row 50 with another label,
     * rows 60 and 70 into test, row 80 into validation, row 90 into both validation and test.
     */
    private static List<Sample> customers() {
        Random random = new Random(7);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < BASE_ROWS; i++) {
            int label = i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2;
            float[] values = new float[FEATURES.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = (float) (10 * f + 3 * label + (f + 1) * random.nextGaussian());
            }
            if (i % 37 == 5) {
                values[1] = Float.NaN;
            }
            if (i % 53 == 7) {
                values[3] = Float.NaN;
            }
            Split split = i % 10 < 7 ? Split.TRAIN : i % 10 == 7 ? Split.VALIDATION : Split.TEST;
            samples.add(new Sample(split, label, "row-" + i, values));
        }
        copy(samples, 10, Split.TRAIN, 0);
        copy(samples, 20, Split.TRAIN, 0);
        copy(samples, 30, Split.TRAIN, 0);
        copy(samples, 40, Split.TRAIN, 0);
        copy(samples, 40, Split.TRAIN, 0);
        copy(samples, 50, Split.TRAIN, 2);
        copy(samples, 60, Split.TEST, 0);
        copy(samples, 70, Split.TEST, 0);
        copy(samples, 80, Split.VALIDATION, 0);
        copy(samples, 90, Split.VALIDATION, 0);
        copy(samples, 90, Split.TEST, 0);
        return samples;
    }

    private static void copy(List<Sample> samples, int row, Split split, int label) {
        samples.add(new Sample(split, label, "copy-" + samples.size(), samples.get(row).values().clone()));
    }

    private DatasetProfile profileOf(DatasetHeader header, List<Sample> samples) throws Exception {
        return DatasetProfiler.profile(CanonicalFiles.write(dir.resolve("data.temper"), header, samples));
    }

    @Test
    void countsSamplesPerSplitAndClass() throws Exception {
        List<Sample> samples = customers();
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), samples);

        // base rows: 420 train, 60 validation, 120 test; the copies add 6 train, 2 validation, 3 test
        assertThat(profile.kind()).isEqualTo(DataKind.TABULAR);
        assertThat(profile.sampleCount()).isEqualTo(611);
        assertThat(profile.splitCounts()).containsExactly(Map.entry("train", 426), Map.entry("validation", 62),
                Map.entry("test", 123));
        // per 10 rows: labels 0..5 stays, 6..8 churns, 9 upgrades; splits 0..6 train, 7 validation, 8..9 test
        assertThat(profile.classes()).hasSize(3);
        assertThat(profile.classes().get(0).name()).isEqualTo("stays");
        assertThat(profile.classes().get(0).count()).isEqualTo(360 + 10);
        assertThat(profile.classes().get(0).perSplit()).containsExactly(Map.entry("train", 365),
                Map.entry("validation", 2), Map.entry("test", 3));
        assertThat(profile.classes().get(1).perSplit()).containsExactly(Map.entry("train", 60),
                Map.entry("validation", 60), Map.entry("test", 60));
        assertThat(profile.classes().get(2).count()).isEqualTo(61);
        assertThat(profile.classes().get(2).perSplit()).containsExactly(Map.entry("train", 1),
                Map.entry("validation", 0), Map.entry("test", 60));
        assertThat(profile.imbalance().largestClass()).isEqualTo("stays");
        assertThat(profile.imbalance().smallestClass()).isEqualTo("upgrades");
        assertThat(profile.imbalance().ratio()).isCloseTo(370.0 / 61, within(1e-12));
        assertThat(profile.imbalance().emptyClasses()).isEmpty();
    }

    @Test
    void findsPlantedDuplicatesConflictsAndLeakage() throws Exception {
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), customers());

        DatasetProfile.Duplicates duplicates = profile.duplicates();
        assertThat(duplicates.duplicateSamples()).isEqualTo(11);
        assertThat(duplicates.groups()).isEqualTo(9);
        assertThat(duplicates.conflictingLabelGroups()).isEqualTo(1);
        assertThat(duplicates.crossSplitGroups()).isEqualTo(4);
        assertThat(duplicates.crossSplitPairs()).containsExactly(Map.entry("train/validation", 2),
                Map.entry("train/test", 3), Map.entry("validation/test", 1));
        // conflicting and leaking groups first, then the harmless ones, each in file order
        assertThat(duplicates.examples()).extracting(g -> g.indices().get(0))
                .containsExactly(50, 60, 70, 80, 90, 10, 20, 30, 40);
        DuplicateGroup conflict = duplicates.examples().get(0);
        assertThat(conflict.indices()).containsExactly(50, 605);
        assertThat(conflict.ids()).containsExactly("row-50", "copy-605");
        assertThat(conflict.labels()).containsExactly("stays", "upgrades");
        assertThat(conflict.splits()).containsExactly("train");
        DuplicateGroup acrossAllSplits = duplicates.examples().get(4);
        assertThat(acrossAllSplits.size()).isEqualTo(3);
        assertThat(acrossAllSplits.splits()).containsExactly("train", "validation", "test");
        DuplicateGroup triple = duplicates.examples().get(8);
        assertThat(triple.indices()).containsExactly(40, 603, 604);
        assertThat(triple.labels()).containsExactly("stays");
    }

    @Test
    void countsMissingCellsPerColumn() throws Exception {
        List<Sample> samples = customers();
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), samples);

        // income: rows 5, 42, ..., 597 (17 rows); tenure: rows 7, 60, ..., 590 (12 rows), plus the copy
        // of row 60; no base row has both
        assertThat(profile.missing().perColumn()).containsExactly(Map.entry("income", 17L),
                Map.entry("tenure", 13L));
        assertThat(profile.missing().cells()).isEqualTo(30);
        assertThat(profile.missing().samplesWithMissing()).isEqualTo(30);
        assertThat(profile.features().get(1).count()).isEqualTo(611 - 17);
    }

    @Test
    void featureStatisticsMatchATwoPassComputation() throws Exception {
        List<Sample> samples = customers();
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), samples);

        assertThat(profile.features()).extracting(ValueStats::name).containsExactlyElementsOf(FEATURES);
        for (int f = 0; f < FEATURES.size(); f++) {
            List<Double> present = new ArrayList<>();
            for (Sample sample : samples) {
                if (!Float.isNaN(sample.values()[f])) {
                    present.add((double) sample.values()[f]);
                }
            }
            double mean = present.stream().mapToDouble(Double::doubleValue).sum() / present.size();
            double variance = present.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / present.size();
            ValueStats stats = profile.features().get(f);
            assertThat(stats.count()).isEqualTo(present.size());
            assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
            assertThat(stats.std()).isCloseTo(Math.sqrt(variance), within(1e-9));
            assertThat(stats.min()).isEqualTo(present.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(stats.max()).isEqualTo(present.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        }
        assertThat(profile.image()).isNull();
        assertThat(profile.preview()).isEmpty();
    }

    @Test
    void reportsEmptyClassesAndAnAllMissingColumn() throws Exception {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            samples.add(new Sample(Split.TRAIN, i < 9 ? 0 : 2, null, new float[] {i, Float.NaN}));
        }
        DatasetProfile profile = profileOf(
                CanonicalFiles.tabularHeader(List.of("x", "unmeasured"), CLASSES, 0), samples);

        assertThat(profile.imbalance().ratio()).isEqualTo(3.0);
        assertThat(profile.imbalance().emptyClasses()).containsExactly("churns");
        assertThat(profile.features().get(1)).isEqualTo(new ValueStats("unmeasured", 0, null, null, null, null));
        assertThat(profile.missing().samplesWithMissing()).isEqualTo(12);
        assertThat(profile.duplicates().groups()).isZero();
    }

    @Test
    void anEmptyDatasetHasNoImbalance() throws Exception {
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), List.of());

        assertThat(profile.sampleCount()).isZero();
        assertThat(profile.imbalance()).isNull();
        assertThat(profile.features()).allSatisfy(stats -> assertThat(stats.mean()).isNull());
    }

    @Test
    void survivesAJsonRoundTrip() throws Exception {
        DatasetProfile profile = profileOf(CanonicalFiles.tabularHeader(FEATURES, CLASSES, 0), customers());
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(profile);

        assertThat(json.readValue(text, DatasetProfile.class)).isEqualTo(profile);
        assertThat(text).contains("\"crossSplitPairs\":{\"train/validation\":2");
    }
}
