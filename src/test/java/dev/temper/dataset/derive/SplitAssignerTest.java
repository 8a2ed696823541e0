package dev.temper.dataset.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SplitAssignerTest {

    private static final SplitPlan PLAN = new SplitPlan(0.7, 0.15, 0.15, 42);

    /** 500, 300, 200 and 7 samples of four classes, each with its own hash. */
    private static int[] imbalancedLabels() {
        int[] sizes = {500, 300, 200, 7};
        int[] labels = new int[1007];
        int next = 0;
        for (int c = 0; c < sizes.length; c++) {
            for (int k = 0; k < sizes[c]; k++) {
                labels[next++] = c;
            }
        }
        return labels;
    }

    private static String[] uniqueHashes(int n) {
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = "h" + i;
        }
        return hashes;
    }

    @Test
    void sameSamplesAndSeedGiveTheSameAssignmentAndAnotherSeedAnother() {
        int[] labels = imbalancedLabels();
        String[] hashes = uniqueHashes(labels.length);

        Split[] first = SplitAssigner.assign(labels, hashes, 4, PLAN);
        Split[] again = SplitAssigner.assign(labels.clone(), hashes.clone(), 4, PLAN);
        Split[] otherSeed = SplitAssigner.assign(labels, hashes, 4, new SplitPlan(0.7, 0.15, 0.15, 43));

        assertThat(again).containsExactly(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void everyClassGetsItsSharesWithinOneSample() {
        int[] labels = imbalancedLabels();
        Split[] splits = SplitAssigner.assign(labels, uniqueHashes(labels.length), 4, PLAN);

        Map<Integer, Map<Split, Integer>> counts = countsPerClass(labels, splits);
        for (int c = 0; c < 4; c++) {
            int n = counts.get(c).values().stream().mapToInt(Integer::intValue).sum();
            for (Split split : Split.values()) {
                assertThat((double) counts.get(c).getOrDefault(split, 0))
                        .as("class %d, %s", c, split).isCloseTo(PLAN.share(split) * n, offset(1.0));
            }
        }
        assertThat(counts.get(0)).containsEntry(Split.TRAIN, 350).containsEntry(Split.VALIDATION, 75)
                .containsEntry(Split.TEST, 75);
    }

    @Test
    void aClassOfThreeGetsOneSampleInEverySplitAndASingleSampleGoesToTrain() {
        int[] labels = {0, 0, 0, 1};
        Split[] splits = SplitAssigner.assign(labels, uniqueHashes(4), 2, PLAN);

        assertThat(new Split[] {splits[0], splits[1], splits[2]})
                .containsExactlyInAnyOrder(Split.TRAIN, Split.VALIDATION, Split.TEST);
        assertThat(splits[3]).isEqualTo(Split.TRAIN);
    }

    @Test
    void exactDuplicatesNeverLandInTwoSplitsEvenWithDifferentLabels() {
        Random random = new Random(5);
        int n = 2000;
        int[] labels = new int[n];
        String[] hashes = new String[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextInt(3);
            // About a third of the samples share one of 300 contents; the rest are unique.
            hashes[i] = random.nextInt(3) == 0 ? "dup" + random.nextInt(300) : "u" + i;
        }
        for (long seed = 0; seed < 5; seed++) {
            Split[] splits = SplitAssigner.assign(labels, hashes, 3, new SplitPlan(0.6, 0.2, 0.2, seed));
            Map<String, Set<Split>> splitsPerHash = new HashMap<>();
            for (int i = 0; i < n; i++) {
                splitsPerHash.computeIfAbsent(hashes[i], h -> new HashSet<>()).add(splits[i]);
            }
            assertThat(splitsPerHash.values()).allSatisfy(used -> assertThat(used).hasSize(1));
            assertThat(EnumSet.copyOf(List.of(splits))).containsExactlyInAnyOrder(Split.values());
        }
    }

    @Test
    void aTestShareOfZeroLeavesTestEmpty() {
        int[] labels = imbalancedLabels();
        Split[] splits = SplitAssigner.assign(labels, uniqueHashes(labels.length), 4, new SplitPlan(0.8, 0.2, 0, 1));

        Map<Integer, Map<Split, Integer>> counts = countsPerClass(labels, splits);
        assertThat(EnumSet.copyOf(List.of(splits))).containsExactlyInAnyOrder(Split.TRAIN, Split.VALIDATION);
        assertThat(counts.get(1)).containsEntry(Split.TRAIN, 240).containsEntry(Split.VALIDATION, 60);
        assertThat(counts.get(3)).containsEntry(Split.TRAIN, 6).containsEntry(Split.VALIDATION, 1);
    }

    @Test
    void largestRemaindersMakeTheCountsAddUp() {
        assertThat(SplitAssigner.groupCounts(7, PLAN)).containsEntry(Split.TRAIN, 5).containsEntry(Split.VALIDATION, 1)
                .containsEntry(Split.TEST, 1);
        assertThat(SplitAssigner.groupCounts(10, new SplitPlan(1.0 / 3, 1.0 / 3, 1.0 / 3, 0)).values())
                .containsExactlyInAnyOrder(4, 3, 3);
        assertThat(SplitAssigner.groupCounts(3, new SplitPlan(0.9, 0.05, 0.05, 0)).values()).containsOnly(1);
        assertThat(SplitAssigner.groupCounts(0, PLAN).values()).containsOnly(0);
    }

    @Test
    void mismatchedInputsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> SplitAssigner.assign(new int[] {0, 1}, new String[] {"a"}, 2, PLAN))
                .hasMessage("There are 2 labels but 1 sample hashes; every sample needs both");
        assertThatThrownBy(() -> SplitAssigner.assign(new int[] {0, 2}, new String[] {"a", "b"}, 2, PLAN))
                .hasMessage("Sample 1 has label 2, which is not one of the 2 class indices");
        assertThatThrownBy(() -> SplitAssigner.assign(new int[] {0, 1}, new String[] {"a", null}, 2, PLAN))
                .hasMessage("Sample 1 has no sample hash");
    }

    private static Map<Integer, Map<Split, Integer>> countsPerClass(int[] labels, Split[] splits) {
        Map<Integer, Map<Split, Integer>> counts = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            counts.computeIfAbsent(labels[i], c -> new EnumMap<>(Split.class)).merge(splits[i], 1, Integer::sum);
        }
        return counts;
    }
}
