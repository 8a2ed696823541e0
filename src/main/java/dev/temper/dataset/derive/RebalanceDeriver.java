package dev.temper.dataset.derive;

import dev.temper.contract.DatasetHeader;
import dev.temper.contract.Split;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Carries out {@link RebalanceDerivation}: decides from the train samples of each class how often every sample
 * is written (0 = dropped, 1 = kept, more = original plus copies), then writes the copies right after
 * their original.
 */
final class RebalanceDeriver {

    private RebalanceDeriver() {
    }

    static DerivationSummary apply(StreamSource parent, RebalanceDerivation rebalance, OutputStream out)
            throws IOException {
        DatasetHeader header = ParentPasses.header(parent);
        List<List<Integer>> trainByClass = new ArrayList<>();
        for (int c = 0; c < header.classCount(); c++) {
            trainByClass.add(new ArrayList<>());
        }
        ParentPasses.read(parent, (index, sample) -> {
            if (sample.split() == Split.TRAIN) {
                trainByClass.get(sample.label()).add(index);
            }
        });
        int[] sizes = trainByClass.stream().mapToInt(List::size).filter(n -> n > 0).toArray();
        if (sizes.length == 0) {
            throw new IllegalArgumentException("The train split is empty, so there is nothing to rebalance");
        }
        boolean oversample = rebalance.mode() == RebalanceDerivation.Mode.OVERSAMPLE;
        int target = oversample ? Arrays.stream(sizes).max().getAsInt() : Arrays.stream(sizes).min().getAsInt();
        int[] times = new int[header.sampleCount()];
        Arrays.fill(times, 1);
        Random random = new Random(rebalance.seed());
        Map<String, Integer> before = new LinkedHashMap<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        for (int c = 0; c < header.classCount(); c++) {
            List<Integer> samples = trainByClass.get(c);
            before.put(header.classNames().get(c), samples.size());
            after.put(header.classNames().get(c), samples.isEmpty() ? 0 : target);
            if (samples.isEmpty() || samples.size() == target) {
                continue;
            }
            Collections.shuffle(samples, random);
            if (oversample) {
                int extra = target - samples.size();
                for (int k = 0; k < samples.size(); k++) {
                    times[samples.get(k)] += extra / samples.size() + (k < extra % samples.size() ? 1 : 0);
                }
            } else {
                for (int index : samples.subList(target, samples.size())) {
                    times[index] = 0;
                }
            }
        }
        long total = 0;
        for (int t : times) {
            total += t;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Oversampling would make " + total + " samples, more than a dataset"
                    + " file can hold");
        }
        DatasetHeader child = header.withSampleCount((int) total);
        ParentPasses.write(parent, child, out, (index, sample, writer) -> {
            for (int k = 0; k < times[index]; k++) {
                writer.write(sample);
            }
        });
        int change = (int) Math.abs(total - header.sampleCount());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", oversample ? "oversample" : "undersample");
        details.put("trainPerClassBefore", before);
        details.put("trainPerClassAfter", after);
        details.put(oversample ? "added" : "dropped", change);
        String description = oversample
                ? "Oversampled the train split to " + Words.count(target, "sample") + " per class by adding "
                        + Words.count(change, "copy", "copies")
                : "Undersampled the train split to " + Words.count(target, "sample") + " per class by dropping "
                        + Words.count(change, "sample");
        return new DerivationSummary(child, description + "; validation and test are unchanged", details);
    }
}
