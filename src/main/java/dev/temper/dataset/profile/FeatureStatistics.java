package dev.temper.dataset.profile;

import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import dev.temper.dataset.profile.DatasetProfile.MissingValues;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-feature statistics of tabular samples in one pass: moments of the present values of the splits that
 * count, their median on request, and the missing values of every split. A profile counts every split; a
 * derivation only the train split, so that values it derives never learn from evaluation samples.
 */
public final class FeatureStatistics {

    private final List<String> names;
    /** The split whose values count; null: every split. */
    private final Split counted;
    private final RunningStats[] columns;
    private final long[] missing;
    private final float[][] countedValues;
    private int samplesWithMissing;

    private FeatureStatistics(DatasetHeader header, Split counted, boolean keepValues) {
        this.names = header.featureNames();
        this.counted = counted;
        this.columns = new RunningStats[names.size()];
        this.missing = new long[names.size()];
        this.countedValues = keepValues ? new float[names.size()][16] : null;
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new RunningStats();
        }
    }

    /** Statistics of every split, as a profile shows them. */
    static FeatureStatistics ofAllSplits(DatasetHeader header) {
        return new FeatureStatistics(header, null, false);
    }

    /**
     * Statistics of the train split only (missing values still of every split). With keepValues the train
     * values are held in memory (4 bytes each) so that medians can be taken.
     */
    public static FeatureStatistics ofTrainSplit(DatasetHeader header, boolean keepValues) {
        return new FeatureStatistics(header, Split.TRAIN, keepValues);
    }

    public void add(Split split, float[] values) {
        boolean anyMissing = false;
        boolean counts = counted == null || split == counted;
        for (int f = 0; f < values.length; f++) {
            if (Float.isNaN(values[f])) {
                missing[f]++;
                anyMissing = true;
            } else if (counts) {
                columns[f].add(values[f]);
                if (countedValues != null) {
                    keep(f, columns[f].count(), values[f]);
                }
            }
        }
        if (anyMissing) {
            samplesWithMissing++;
        }
    }

    private void keep(int feature, long n, float value) {
        if (n > countedValues[feature].length) {
            countedValues[feature] = Arrays.copyOf(countedValues[feature], countedValues[feature].length * 2);
        }
        countedValues[feature][(int) n - 1] = value;
    }

    /** Present values counted. */
    public long count(int feature) {
        return columns[feature].count();
    }

    /** Missing values in every split. */
    public long missing(int feature) {
        return missing[feature];
    }

    /** 0 when no value was counted. */
    public double mean(int feature) {
        return columns[feature].mean();
    }

    /** Population standard deviation; 0 when fewer than two values were counted. */
    public double std(int feature) {
        return count(feature) < 2 ? 0 : columns[feature].std();
    }

    /** The middle value, or the mean of the two middle values for an even count; needs the values kept. */
    public double median(int feature) {
        int n = (int) count(feature);
        float[] sorted = Arrays.copyOf(countedValues[feature], n);
        Arrays.sort(sorted);
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2;
    }

    List<ValueStats> stats() {
        List<ValueStats> result = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            result.add(columns[i].toStats(names.get(i)));
        }
        return result;
    }

    MissingValues missing() {
        Map<String, Long> perColumn = new LinkedHashMap<>();
        long cells = 0;
        for (int i = 0; i < missing.length; i++) {
            if (missing[i] > 0) {
                perColumn.merge(names.get(i), missing[i], Long::sum);
                cells += missing[i];
            }
        }
        return new MissingValues(samplesWithMissing, cells, perColumn);
    }
}
