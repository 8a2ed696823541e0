package dev.temper.dataset.profile;

import dev.temper.contract.DatasetHeader;
import dev.temper.dataset.profile.DatasetProfile.MissingValues;
import dev.temper.dataset.profile.DatasetProfile.ValueStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-column statistics and missing cells of tabular samples. */
final class FeatureStatistics {

    private final List<String> names;
    private final RunningStats[] columns;
    private final long[] missing;
    private int samplesWithMissing;

    FeatureStatistics(DatasetHeader header) {
        this.names = header.featureNames();
        this.columns = new RunningStats[names.size()];
        this.missing = new long[names.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = new RunningStats();
        }
    }

    void add(float[] values) {
        boolean anyMissing = false;
        for (int i = 0; i < values.length; i++) {
            if (Float.isNaN(values[i])) {
                missing[i]++;
                anyMissing = true;
            } else {
                columns[i].add(values[i]);
            }
        }
        if (anyMissing) {
            samplesWithMissing++;
        }
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
