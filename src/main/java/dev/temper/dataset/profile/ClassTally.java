package dev.temper.dataset.profile;

import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.contract.Split;
import dev.temper.dataset.profile.DatasetProfile.ClassCount;
import dev.temper.dataset.profile.DatasetProfile.ClassImbalance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts samples per class and split. */
final class ClassTally {

    private final List<String> classNames;
    private final int[][] counts;
    private final int[] splitTotals = new int[Split.values().length];

    ClassTally(DatasetHeader header) {
        this.classNames = header.classNames();
        this.counts = new int[classNames.size()][Split.values().length];
    }

    void add(Sample sample) {
        counts[sample.label()][sample.split().ordinal()]++;
        splitTotals[sample.split().ordinal()]++;
    }

    Map<String, Integer> splitCounts() {
        return bySplit(splitTotals);
    }

    List<ClassCount> classCounts() {
        List<ClassCount> result = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            result.add(new ClassCount(classNames.get(c), total(c), bySplit(counts[c])));
        }
        return result;
    }

    ClassImbalance imbalance() {
        int largest = -1;
        int smallest = -1;
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            int count = total(c);
            if (count == 0) {
                empty.add(classNames.get(c));
                continue;
            }
            if (largest < 0 || count > total(largest)) {
                largest = c;
            }
            if (smallest < 0 || count < total(smallest)) {
                smallest = c;
            }
        }
        if (largest < 0) {
            return null;
        }
        return new ClassImbalance((double) total(largest) / total(smallest), classNames.get(largest),
                total(largest), classNames.get(smallest), total(smallest), empty);
    }

    private int total(int classIndex) {
        int sum = 0;
        for (int count : counts[classIndex]) {
            sum += count;
        }
        return sum;
    }

    private static Map<String, Integer> bySplit(int[] perSplit) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (Split split : Split.values()) {
            result.put(split.wireName(), perSplit[split.ordinal()]);
        }
        return result;
    }
}
