package dev.temper.dataset.profile;

import dev.temper.contract.DataKind;
import dev.temper.contract.DatasetFile;
import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Sample;
import dev.temper.dataset.profile.DatasetProfile.MissingValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Profiles a canonical dataset file in one streaming pass. Memory grows with the sample count only by a
 * value hash per sample (for duplicate detection); sample values are never kept.
 */
public final class DatasetProfiler {

    /** Preview images per class for image datasets. */
    public static final int PREVIEW_PER_CLASS = 8;

    private DatasetProfiler() {
    }

    public static DatasetProfile profile(Path canonicalFile) throws IOException {
        try (InputStream in = Files.newInputStream(canonicalFile)) {
            return profile(in);
        }
    }

    public static DatasetProfile profile(InputStream canonical) throws IOException {
        try (DatasetFile.Reader reader = DatasetFile.reader(canonical)) {
            DatasetHeader header = reader.header();
            boolean image = header.kind() == DataKind.IMAGE;
            ClassTally classes = new ClassTally(header);
            DuplicateFinder duplicates = new DuplicateFinder(header);
            FeatureStatistics features = image ? null : FeatureStatistics.ofAllSplits(header);
            ChannelStatistics channels = image ? new ChannelStatistics(header) : null;
            List<List<Integer>> preview = new ArrayList<>();
            for (int c = 0; c < header.classCount(); c++) {
                preview.add(new ArrayList<>());
            }
            reader.forEachRemaining((index, sample) -> {
                classes.add(sample);
                duplicates.add(index, sample);
                if (image) {
                    channels.add(sample.values());
                    addToPreview(preview, index, sample);
                } else {
                    features.add(sample.split(), sample.values());
                }
            });
            return new DatasetProfile(header.kind(), header.sampleCount(), classes.splitCounts(),
                    classes.classCounts(), classes.imbalance(), duplicates.summary(),
                    image ? new MissingValues(0, 0, Map.of()) : features.missing(),
                    image ? List.of() : features.stats(),
                    image ? channels.summary() : null,
                    image ? previewByClass(header, preview) : Map.of());
        }
    }

    private static void addToPreview(List<List<Integer>> preview, int index, Sample sample) {
        List<Integer> chosen = preview.get(sample.label());
        if (chosen.size() < PREVIEW_PER_CLASS) {
            chosen.add(index);
        }
    }

    private static Map<String, List<Integer>> previewByClass(DatasetHeader header, List<List<Integer>> preview) {
        Map<String, List<Integer>> result = new LinkedHashMap<>();
        for (int c = 0; c < header.classCount(); c++) {
            result.put(header.classNames().get(c), List.copyOf(preview.get(c)));
        }
        return result;
    }
}
