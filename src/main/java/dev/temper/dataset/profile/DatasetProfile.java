package dev.temper.dataset.profile;

import dev.temper.contract.DataKind;
import java.util.List;
import java.util.Map;

/**
 * What one pass over a canonical dataset file found: sizes, class balance, exact duplicates and leakage
 * between splits, missing values and value statistics. It is stored as JSON with the dataset version and
 * shown in the API and the UI, so every part is plain data. Split maps are keyed by
 * {@link dev.temper.contract.Split#wireName()}.
 *
 * @param splitCounts samples per split, every split present (0 when empty)
 * @param classes     one entry per class, in the header's class order, empty classes included
 * @param imbalance   null when the dataset has no samples
 * @param features    per-feature statistics for tabular data; empty for images
 * @param image       shape and per-channel pixel statistics for images; null for tabular data
 * @param preview     for images, per class name the indices of its first samples in file order; empty for
 *                    tabular data
 */
public record DatasetProfile(DataKind kind, int sampleCount, Map<String, Integer> splitCounts,
        List<ClassCount> classes, ClassImbalance imbalance, Duplicates duplicates, MissingValues missing,
        List<ValueStats> features, ImageSummary image, Map<String, List<Integer>> preview) {

    /** How many samples carry one label, overall and per split. */
    public record ClassCount(String name, int count, Map<String, Integer> perSplit) {
    }

    /**
     * Largest class over smallest non-empty class; classes without any sample are listed apart, since a
     * ratio over zero says nothing.
     */
    public record ClassImbalance(double ratio, String largestClass, int largestCount, String smallestClass,
            int smallestCount, List<String> emptyClasses) {
    }

    /**
     * Samples whose stored values are byte-for-byte equal to an earlier sample's.
     *
     * @param duplicateSamples       samples that repeat an earlier one (a group of three counts two)
     * @param groups                 distinct values that occur more than once
     * @param conflictingLabelGroups groups whose members carry more than one label
     * @param crossSplitGroups       groups with members in more than one split: test data the model may
     *                               have trained on
     * @param crossSplitPairs        groups per pair of splits, keyed "train/test" and so on, every pair
     *                               present
     * @param examples               up to 20 groups to show, conflicting and cross-split ones first
     */
    public record Duplicates(int duplicateSamples, int groups, int conflictingLabelGroups, int crossSplitGroups,
            Map<String, Integer> crossSplitPairs, List<DuplicateGroup> examples) {
    }

    /**
     * One set of identical samples.
     *
     * @param size    all members
     * @param indices positions in the file of the first members (at most 10)
     * @param ids     the uploader's ids of those members, null where a sample has none
     * @param labels  the distinct class names among all members
     * @param splits  the distinct splits among all members
     */
    public record DuplicateGroup(int size, List<Integer> indices, List<String> ids, List<String> labels,
            List<String> splits) {
    }

    /**
     * Missing (NaN) cells of tabular data.
     *
     * @param perColumn missing cells per feature name, only features that have any, in column order
     */
    public record MissingValues(int samplesWithMissing, long cells, Map<String, Long> perColumn) {
    }

    /**
     * Statistics of one feature or image channel over its present values; the moments are null when it
     * has none. The standard deviation is the population one.
     */
    public record ValueStats(String name, long count, Double mean, Double std, Double min, Double max) {
    }

    /** Image shape and per-channel statistics of pixel values in [0, 1]. */
    public record ImageSummary(int height, int width, int channels, List<ValueStats> channelStats) {
    }
}
