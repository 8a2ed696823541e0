package dev.temper.dataset.derive;

import dev.temper.contract.Split;
import dev.temper.contract.SplitPlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Assigns every sample to train, validation or test, class by class, from the plan's seed: the same
 * samples and plan always give the same assignment.
 *
 * <p>Exact duplicates (equal sample hashes) form one group that always lands in a single split, so a
 * test sample never has a copy in train. A group is stratified by the label of its first sample, and the
 * shares count groups (distinct samples): each class gets {@code round(share x groups)} groups per split
 * by the largest-remainder method, so the counts add up, and a class with at least three groups gets at
 * least one group in every split whose share is above 0.
 */
public final class SplitAssigner {

    private static final Split[] FILL_ORDER = {Split.TEST, Split.VALIDATION, Split.TRAIN};

    private SplitAssigner() {
    }

    public static Split[] assign(int[] labels, String[] sampleHashes, int classCount, SplitPlan plan) {
        if (labels.length != sampleHashes.length) {
            throw new IllegalArgumentException("There are " + labels.length + " labels but " + sampleHashes.length
                    + " sample hashes; every sample needs both");
        }
        List<List<List<Integer>>> groupsByClass = duplicateGroupsByClass(labels, sampleHashes, classCount);
        Split[] splits = new Split[labels.length];
        for (int c = 0; c < classCount; c++) {
            List<List<Integer>> groups = groupsByClass.get(c);
            Collections.shuffle(groups, new Random(plan.seed() * 1_000_003L + c));
            Map<Split, Integer> counts = groupCounts(groups.size(), plan);
            int next = 0;
            for (Split split : FILL_ORDER) {
                for (int k = 0; k < counts.get(split); k++) {
                    for (int sample : groups.get(next)) {
                        splits[sample] = split;
                    }
                    next++;
                }
            }
        }
        return splits;
    }

    /** Groups equal hashes in order of first appearance and files each group under its first sample's label. */
    private static List<List<List<Integer>>> duplicateGroupsByClass(int[] labels, String[] hashes, int classCount) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("Sample " + i + " has label " + labels[i]
                        + ", which is not one of the " + classCount + " class indices");
            }
            if (hashes[i] == null) {
                throw new IllegalArgumentException("Sample " + i + " has no sample hash");
            }
            groups.computeIfAbsent(hashes[i], h -> new ArrayList<>()).add(i);
        }
        List<List<List<Integer>>> byClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            byClass.add(new ArrayList<>());
        }
        for (List<Integer> group : groups.values()) {
            byClass.get(labels[group.get(0)]).add(group);
        }
        return byClass;
    }

    /** Largest-remainder rounding of the plan's shares of n, then at least one per used split when n >= 3. */
    static Map<Split, Integer> groupCounts(int n, SplitPlan plan) {
        Map<Split, Integer> counts = new LinkedHashMap<>();
        Map<Split, Double> remainders = new LinkedHashMap<>();
        int assigned = 0;
        for (Split split : Split.values()) {
            double exact = plan.share(split) * n;
            int whole = (int) Math.floor(exact + 1e-9);
            counts.put(split, whole);
            remainders.put(split, exact - whole);
            assigned += whole;
        }
        List<Split> byRemainder = new ArrayList<>(remainders.keySet());
        byRemainder.sort((a, b) -> Double.compare(remainders.get(b), remainders.get(a)));
        for (int k = 0; assigned < n; k++, assigned++) {
            Split split = byRemainder.get(k % byRemainder.size());
            counts.merge(split, 1, Integer::sum);
        }
        if (n >= 3) {
            for (Split split : Split.values()) {
                if (plan.share(split) > 0 && counts.get(split) == 0) {
                    Split largest = Collections.max(counts.keySet(), (a, b) -> counts.get(a) - counts.get(b));
                    counts.merge(largest, -1, Integer::sum);
                    counts.put(split, 1);
                }
            }
        }
        return counts;
    }
}
